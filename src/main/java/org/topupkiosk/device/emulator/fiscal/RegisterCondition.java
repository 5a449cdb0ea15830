package org.topupkiosk.device.emulator.fiscal;

/**
 * The register's physical condition and the faults a test or a technician switches at run time: the paper, the power
 * (and how often it went off), a power cut armed for the next close of a receipt, a shift forced over 24 hours. Not
 * thread-safe: {@link EmulatedRegister}'s lock guards it.
 */
final class RegisterCondition {

    private EmulatedRegister.Paper paper = EmulatedRegister.Paper.OK;
    private boolean powered = true;
    private int powerCycles;
    private EmulatedRegister.CutPoint armedCut;
    private boolean forcedOver24h;

    EmulatedRegister.Paper paper() {
        return paper;
    }

    void paper(EmulatedRegister.Paper p) {
        this.paper = p;
    }

    /** Refuses a command that prints when the paper is out. */
    void requirePaper() throws RegisterRefusal {
        if (paper == EmulatedRegister.Paper.OUT) {
            throw new RegisterRefusal(RegisterRefusal.NO_PAPER, "no receipt paper");
        }
    }

    /** A command on a register that is off: the line says nothing. */
    void requirePower() {
        if (!powered) {
            throw new EmulatedRegister.PowerCut("(the register is off)");
        }
    }

    boolean powered() {
        return powered;
    }

    int powerCycles() {
        return powerCycles;
    }

    /** The power goes off; an armed cut is spent. */
    void powerOff() {
        powered = false;
        powerCycles++;
        armedCut = null;
    }

    void powerOn() {
        powered = true;
    }

    /** Whether the armed cut fires at {@code point}. */
    boolean cutArmedAt(EmulatedRegister.CutPoint point) {
        return armedCut == point;
    }

    void arm(EmulatedRegister.CutPoint where) {
        this.armedCut = where;
    }

    boolean forcedOver24h() {
        return forcedOver24h;
    }

    void forceOver24h(boolean on) {
        this.forcedOver24h = on;
    }
}
