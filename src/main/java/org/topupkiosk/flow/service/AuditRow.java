package org.topupkiosk.flow.service;

import java.time.Instant;

/** One journaled event as the service menu lists it. */
public record AuditRow(Instant at, String kind, String txnId, String dataJson) {}
