package org.topupkiosk.flow.service;

/** An encashment as journaled, and whether its report came out of the printer. */
public record Encashed(CashCount encashment, boolean printed) {}
