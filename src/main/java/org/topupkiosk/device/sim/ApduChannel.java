package org.topupkiosk.device.sim;

/**
 * A way to send one command APDU to a card and get its raw answer (data + SW1 SW2). PC/SC in production, the virtual
 * SIM's memory channel in simulation and tests. Implementations map their failures to {@link SimException} codes
 * ({@code CARD_REMOVED}, {@code MUTE}, {@code TRANSPORT}).
 */
public interface ApduChannel {

    byte[] transmit(byte[] command) throws SimException;
}
