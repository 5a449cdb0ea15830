package org.topupkiosk.flow;

/** The e-PIN and eSIM screens' part of a {@link ServicesView}: immutable, filled by the goods service. */
public record GoodsView() {}
