package org.topupkiosk.journal;

import java.util.Optional;

/**
 * What {@link Journal#submitGoods} made in its transaction: the order's claim code, and the credit voucher for what was
 * paid above the price when there was any.
 */
public record SubmittedGoods(GoodsClaim claim, Optional<CustomerCredit> change) {}
