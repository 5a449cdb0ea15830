package org.topupkiosk.flow;

/** The one-time-code services' part of a {@link ServicesView} (auto top-up, recent payments): immutable. */
public record AccountView() {}
