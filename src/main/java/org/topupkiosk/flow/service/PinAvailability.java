package org.topupkiosk.flow.service;

/** Whether the service PIN gate can be used at all, and if not, why. */
public record PinAvailability(boolean available, String problem) {}
