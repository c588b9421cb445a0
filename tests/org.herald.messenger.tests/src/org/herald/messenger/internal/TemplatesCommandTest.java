/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import static org.herald.messenger.internal.Loopback.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.herald.api.ReceivedMessage;
import org.herald.api.cli.UsageException;
import org.herald.messenger.MessageTemplate;
import org.herald.messenger.MessageTemplates;
import org.herald.messenger.MessengerPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herald templates} and {@code herald send --template} on a real workspace folder
 * ({@code @TempDir}); the sends reach two Herald receivers on loopback (ALPHA on 127.0.0.151, BETA
 * on 127.0.0.152, the sender on 127.0.0.153; free ports, nothing leaves 127.0.0.0/8). The clock of
 * {date} and {time} is fixed.
 */
class TemplatesCommandTest {

	@TempDir
	Path workspace;

	private TestContext context(String stdin) {
		return new TestContext(Loopback.identity("SENDER", "127.0.0.153"), stdin, workspace);
	}

	private String templates(String... args) throws Exception {
		TestContext c = context("");
		assertEquals(0, new TemplatesCommand().run(c, List.of(args)));
		return c.output();
	}

	private UsageException refused(String... args) {
		return assertThrows(UsageException.class, () -> new TemplatesCommand().run(context(""), List.of(args)));
	}

	@Test
	void fieldsAreFoundFilledAndADoubledBraceIsText() {
		MessageTemplate t = new MessageTemplate("T", "{Date}: {ticket} for {to}; {{date} and {not a field} stay, {ticket} once");
		assertEquals(List.of("date", "ticket", "to"), t.fields());
		assertEquals("2026-12-07: T-1 for BOB; {date} and {not a field} stay, T-1 once",
				t.fill(Map.of("date", "2026-12-07", "ticket", "T-1", "to", "BOB")));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.fill(Map.of("date", "x")));
		assertEquals("the template T needs {ticket}, {to}, which have no value", e.getMessage());
		assertEquals("x: {ticket} for {to}; {date} and {not a field} stay, {ticket} once", t.fillKnown(Map.of("date", "x")));
	}

	@Test
	void addShowListRemoveKeepTheTemplatesInTheWorkspace() throws Exception {
		assertTrue(templates().startsWith("no message templates in "));
		assertEquals("REBOOT: added (fields {host}, {time})\n", templates("add", "reboot", "{host} restarts at {time}.\n\tSave your work \\o/"));
		TestContext piped = context("Ticket {ticket}\nclosed\n");
		assertEquals(0, new TemplatesCommand().run(piped, List.of("add", "CLOSED", "-")));
		assertEquals("CLOSED: added (fields {ticket})\n", piped.output());
		assertEquals("CLOSED (fields {ticket}): Ticket {ticket} ...\nREBOOT (fields {host}, {time}): {host} restarts at {time}. ...\n", templates("list"));
		assertEquals("REBOOT (fields {host}, {time}):\n{host} restarts at {time}.\n\tSave your work \\o/\n", templates("show", "Reboot"));
		assertEquals("{\"name\":\"CLOSED\",\"fields\":[\"ticket\"],\"text\":\"Ticket {ticket}\\nclosed\"}\n", templates("show", "closed", "--json"));
		assertTrue(Files.readString(workspace.resolve("message-templates.txt")).contains("REBOOT\t{host} restarts at {time}.\\n\\tSave your work \\\\o/\n"),
				"one line per template, escaped");
		assertEquals("{host} restarts at {time}.\n\tSave your work \\o/", MessageTemplates.in(workspace).get("REBOOT").text(), "read back as written");
		assertEquals("REBOOT: replaced\n", templates("add", "REBOOT", "Rebooting now"));
		assertEquals("CLOSED: removed\n", templates("remove", "closed"));
		assertEquals("unknown template CLOSED; the templates are REBOOT", refused("show", "CLOSED").getMessage());
		assertEquals("unknown template NOPE; the templates are REBOOT", refused("remove", "nope").getMessage());
		assertTrue(refused("add", "no good", "x").getMessage().startsWith("template name 'no good' may have letters"));
		assertEquals("the template X has no text", refused("add", "X", "  ").getMessage());
		assertEquals("add takes NAME and TEXT (quote the text; - reads it from standard input)", refused("add", "X").getMessage());
	}

	@Test
	void sendWithATemplateFillsTheFieldsPerRecipientAndRefusesAFieldWithoutValueBeforeSending() throws Exception {
		MessageTemplates.in(workspace).put("MAINT", "Hello {to}: {host} ({workgroup}) reboots {ticket} at {time} on {date}, says {user}.");
		MessageTemplates.in(workspace).put("PLAIN", "Coffee is ready.");
		MessengerPorts ports = Loopback.freePorts();
		String portsArg = ports.session() + "," + ports.direct() + "," + ports.datagram();
		try (Loopback.Host alpha = new Loopback.Host("ALPHA", "127.0.0.151", ports);
				Loopback.Host beta = new Loopback.Host("BETA", "127.0.0.152", ports)) {
			SendCommand send = new SendCommand(n -> n.name().equals("ALPHA") ? List.of(ip("127.0.0.151")) : List.of(), Loopback.DATAGRAMS);
			send.clock = Clock.fixed(Instant.parse("2026-12-07T18:05:30Z"), ZoneOffset.UTC);

			UsageException missing = assertThrows(UsageException.class,
					() -> send.run(context(""), List.of("--ports", portsArg, "--template", "maint", "ALPHA", "127.0.0.152")));
			assertEquals("the template MAINT needs {ticket}: give --field ticket=VALUE; nothing was sent", missing.getMessage());
			UsageException unused = assertThrows(UsageException.class, () -> send.run(context(""),
					List.of("--ports", portsArg, "--template", "maint", "--field", "ticket=1", "--field", "colour=red", "ALPHA")));
			assertEquals("--field colour: the template MAINT has no {colour}; its fields are {to}, {host}, {workgroup}, {ticket}, {time}, {date}, {user}",
					unused.getMessage());
			assertEquals("--template: unknown template NONE; the templates are MAINT, PLAIN", assertThrows(UsageException.class,
					() -> send.run(context(""), List.of("--template", "NONE", "ALPHA"))).getMessage());
			assertEquals("--field fills a template's {KEY}: give --template NAME",
					assertThrows(UsageException.class, () -> send.run(context(""), List.of("--field", "a=b", "ALPHA", "text"))).getMessage());
			assertEquals(0, alpha.sink.messages().size() + beta.sink.messages().size(), "nothing was sent");

			TestContext c = context("");
			int status = send.run(c, List.of("--ports", portsArg, "--peer-port", "0", "--template", "maint", "--field", "TICKET=server FS1",
					"ALPHA", "127.0.0.152"));
			assertEquals(0, status, c.output());
			String user = System.getProperty("user.name");
			assertEquals(List.of("Hello ALPHA: SENDER (WG) reboots server FS1 at 18:05 on 2026-12-07, says " + user + "."),
					alpha.sink.await(1, Duration.ofSeconds(30)).stream().map(ReceivedMessage::text).toList());
			assertEquals(List.of("Hello 127.0.0.152: SENDER (WG) reboots server FS1 at 18:05 on 2026-12-07, says " + user + "."),
					beta.sink.await(1, Duration.ofSeconds(30)).stream().map(ReceivedMessage::text).toList());
			assertEquals(2, c.output().lines().count(), "one line per recipient: " + c.output());

			TestContext p = context("");
			assertEquals(0, send.run(p, List.of("--ports", portsArg, "--peer-port", "0", "--template", "PLAIN", "ALPHA")));
			assertEquals("Coffee is ready.", alpha.sink.await(2, Duration.ofSeconds(30)).get(1).text());
		}
	}
}
