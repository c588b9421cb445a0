/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;

import org.herald.api.BindInterface;
import org.herald.api.cli.Json;
import org.herald.messenger.Delivery;
import org.herald.messenger.DeliveryDiagnosis;
import org.herald.messenger.Diagnosis;
import org.herald.messenger.Diagnosis.Outcome;
import org.herald.messenger.Diagnosis.Step;
import org.junit.jupiter.api.Test;

/** How a diagnosis reads: the first failed step is the verdict, with its fix; text and JSON carry every step. */
class DiagnoseCommandTest {

	private static final Diagnosis BROKEN = new Diagnosis("BOB", List.of(
			new Step("wins", "WINS lookup", Outcome.OK, "WINS 198.51.100.1 knows BOB<03> at 203.0.113.9", Optional.empty()),
			new Step("tcp-139", "TCP 139", Outcome.FAIL, "203.0.113.9 did not answer TCP 139 within the timeout",
					Optional.of("let TCP 139 through")),
			new Step("tcp-445", "TCP 445", Outcome.WARN, "203.0.113.9 did not answer TCP 445", Optional.of("let TCP 445 through")),
			new Step("session", "session request", Outcome.SKIPPED, "neither 139 nor 445 takes connections", Optional.empty())));

	@Test
	void theFirstFailureIsTheVerdict() {
		assertEquals("tcp-139", BROKEN.firstFailure().orElseThrow().id());
		assertEquals("breaks at TCP 139: 203.0.113.9 did not answer TCP 139 within the timeout Fix: let TCP 139 through", BROKEN.verdict());
	}

	@Test
	void aPathWithoutFailuresShouldArrive() {
		Diagnosis ok = new Diagnosis("BOB", List.of(new Step("tcp-139", "TCP 139", Outcome.OK, "open", Optional.empty()),
				new Step("udp-138", "UDP 138", Outcome.WARN, "closed", Optional.of("use sessions"))));
		assertTrue(ok.firstFailure().isEmpty());
		assertEquals("a message to BOB should arrive: every step of the path answered", ok.verdict());
	}

	@Test
	void textNumbersStepsAndShowsFixes() {
		String text = DiagnoseCommand.text(BROKEN);
		assertTrue(text.startsWith("diagnosis of BOB\n"), text);
		assertTrue(text.contains(" 2. FAIL    TCP 139: 203.0.113.9 did not answer TCP 139 within the timeout\n             fix: let TCP 139 through\n"),
				text);
		assertTrue(text.endsWith("verdict: " + BROKEN.verdict() + "\n"), text);
	}

	@Test
	void theCommandPrintsTheReportTheWorkbenchCopies() {
		assertEquals(BROKEN.report(), DiagnoseCommand.text(BROKEN));
	}

	/** The target of a report line: the name as addressed, the address, one host of a range; nothing for a workgroup. */
	@Test
	void aDeliveryLineNamesWhatToDiagnose() {
		Inet4Address host = BindInterface.parseIpv4("198.51.100.9");
		assertEquals(Optional.of("BOB"), DeliveryDiagnosis.targetOf(Delivery.failed("BOB<03>", Optional.empty(), Optional.empty(),
				Delivery.FailureReason.NAME_NOT_FOUND, "")));
		assertEquals(Optional.of("BOB#20"), DeliveryDiagnosis.targetOf(Delivery.failed("BOB<20>", Optional.of(host), Optional.empty(),
				Delivery.FailureReason.REFUSED, "")));
		assertEquals(Optional.of("198.51.100.9"), DeliveryDiagnosis.targetOf(Delivery.failed("198.51.100.9", Optional.of(host),
				Optional.empty(), Delivery.FailureReason.REFUSED, "")));
		assertEquals(Optional.of("198.51.100.9"), DeliveryDiagnosis.targetOf(Delivery.failed("198.51.100.0/24", Optional.of(host),
				Optional.empty(), Delivery.FailureReason.TIMEOUT, "")));
		assertEquals(Optional.empty(), DeliveryDiagnosis.targetOf(Delivery.failed("LAB (workgroup)", Optional.of(host), Optional.empty(),
				Delivery.FailureReason.NETWORK_ERROR, "")));
	}

	@Test
	void jsonNamesTheBreakingStep() {
		String json = Json.write(DiagnoseCommand.json(BROKEN));
		assertTrue(json.startsWith("{\"target\":\"BOB\",\"ok\":false,\"breaksAt\":\"tcp-139\""), json);
		assertTrue(json.contains("{\"id\":\"session\",\"title\":\"session request\",\"outcome\":\"SKIPPED\""), json);
	}
}
