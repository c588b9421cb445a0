/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.herald.api.cli.UsageException;
import org.herald.messenger.CodePageStore;
import org.herald.messenger.CodePages;
import org.junit.jupiter.api.Test;

/** {@code herald charset} on a store in memory (the workspace store is tested under OSGi). */
class CharsetCommandTest {

	private final CodePageStore store = CodePageStore.inMemory(CodePages.standard());
	private final CharsetCommand command = new CharsetCommand(store);

	private String run(String... args) throws Exception {
		TestContext c = new TestContext(Loopback.identity("ADMIN", "127.0.0.4"), "");
		assertEquals(0, command.run(c, List.of(args)), c.output());
		return c.output();
	}

	@Test
	void setListRemove() throws Exception {
		assertTrue(run("set", "DOSBOX", "CP866").startsWith("added: host DOSBOX IBM866"));
		run("set", "198.51.100.0/24", "cp852");
		run("set", "--domain", "athens", "CP737");
		run("set", "--domain=LAB", "CP437");
		assertTrue(run("set", "198.51.100.0/24", "CP866").startsWith("replaced: address 198.51.100.0/24 IBM866"));
		assertEquals("""
				default                       IBM850
				host       DOSBOX             IBM866
				address    198.51.100.0/24    IBM866
				workgroup  ATHENS             x-IBM737
				workgroup  LAB                IBM437
				""", run("list"));
		assertEquals("""
				{"default":"IBM850","rules":[{"kind":"host","match":"DOSBOX","codePage":"IBM866"},\
				{"kind":"address","match":"198.51.100.0/24","codePage":"IBM866"},{"kind":"workgroup","match":"ATHENS","codePage":"x-IBM737"},\
				{"kind":"workgroup","match":"LAB","codePage":"IBM437"}],"problems":[]}
				""", run("--json"));
		assertEquals("removed: workgroup LAB IBM437\n", run("remove", "--domain", "LAB"));
		assertEquals("removed: host DOSBOX IBM866\n", run("remove", "dosbox"));
		assertEquals(2, store.load().rules().size());
		TestContext c = new TestContext(Loopback.identity("ADMIN", "127.0.0.4"), "");
		assertEquals(1, command.run(c, List.of("remove", "NOSUCH")));
		assertTrue(c.output().contains("no rule for host NOSUCH"), c.output());
	}

	@Test
	void defaultAndWhich() throws Exception {
		assertEquals("default IBM850\n", run("default"));
		assertEquals("default IBM852\n", run("default", "cp852"));
		run("set", "198.51.100.0/24", "CP866");
		run("set", "--domain", "ATHENS", "CP737");
		assertEquals("IBM866 (rule: address 198.51.100.0/24 IBM866)\n", run("which", "BOB", "198.51.100.9", "--domain", "ATHENS"));
		assertEquals("x-IBM737 (rule: workgroup ATHENS x-IBM737)\n", run("which", "BOB", "192.0.2.1", "--domain=athens"));
		assertEquals("IBM852 (the default)\n", run("which", "BOB"));
	}

	@Test
	void badArgumentsAreUsageErrorsThatSayWhy() {
		TestContext c = new TestContext(Loopback.identity("ADMIN", "127.0.0.4"), "");
		assertTrue(assertThrows(UsageException.class, () -> command.run(c, List.of("set", "DOSBOX", "CP9999"))).getMessage()
				.contains("unknown code page 'CP9999'"));
		assertTrue(assertThrows(UsageException.class, () -> command.run(c, List.of("set", "198.51.100.1/24", "CP866"))).getMessage()
				.contains("host bits set"));
		assertTrue(assertThrows(UsageException.class, () -> command.run(c, List.of("set", "DOSBOX"))).getMessage()
				.startsWith("set wants MATCH CODEPAGE"));
		assertThrows(UsageException.class, () -> command.run(c, List.of("set", "--workgroup", "X", "CP866")));
		assertThrows(UsageException.class, () -> command.run(c, List.of("default", "UTF-16")));
		assertThrows(UsageException.class, () -> command.run(c, List.of("frobnicate")));
		assertThrows(UsageException.class, () -> command.run(c, List.of("which")));
		assertEquals(CodePages.standard(), store.load(), "nothing saved by a refused command");
	}

	@Test
	void sendAndListenTakeOemAsAOneRunDefault() throws Exception {
		CodePages saved = CodePages.standard().with(org.herald.messenger.CodePageRule.parse("DOSBOX", "CP866"));
		CodePages run = SendCommand.withDefault(saved, "cp437");
		assertEquals("IBM437", run.defaultCodePage().name());
		assertEquals(saved.rules(), run.rules());
		assertEquals(saved, SendCommand.withDefault(saved, null));
		assertThrows(UsageException.class, () -> SendCommand.withDefault(saved, "UTF-16"));
	}
}
