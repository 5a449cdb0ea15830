package org.topupkiosk.device.emulator.fiscal;

/**
 * The emulated register refuses a command: {@code code} is the Shtrih-M error byte its answer carries (the codes below
 * 0x40 come from the fiscal storage, the others from the register), the text is for logs only; the driver maps the
 * code to its own message.
 */
public final class RegisterRefusal extends Exception {

    /** ФН: неверное состояние ФН (a document in the storage where none may be). */
    public static final int FN_WRONG_STATE = 0x02;
    /** ФН: закончен срок эксплуатации ФН. */
    public static final int FN_EXPIRED = 0x05;
    /** ФН: архив ФН переполнен. */
    public static final int FN_ARCHIVE_FULL = 0x06;
    /** ФН: нет запрошенных данных (no document with that number). */
    public static final int FN_NO_DATA = 0x08;
    /** ФН: некорректное значение параметров команды. */
    public static final int FN_BAD_PARAMETERS = 0x09;
    /** ФН: продолжительность смены более 24 часов. */
    public static final int FN_SHIFT_OVER_24H = 0x16;
    /** Некорректные параметры в команде. */
    public static final int BAD_PARAMETERS = 0x33;
    /** Команда не поддерживается в данной реализации. */
    public static final int UNSUPPORTED = 0x37;
    /** Смена открыта – операция невозможна. */
    public static final int SHIFT_OPEN = 0x3C;
    /** Смена не открыта – операция невозможна. */
    public static final int SHIFT_NOT_OPEN = 0x3D;
    /** Сумма всех типов оплаты меньше итога чека. */
    public static final int PAID_LESS_THAN_TOTAL = 0x45;
    /** Операция невозможна в открытом чеке данного типа. */
    public static final int WRONG_RECEIPT_TYPE = 0x49;
    /** Открыт чек – операция невозможна. */
    public static final int RECEIPT_OPEN = 0x4A;
    /** Смена превысила 24 часа. */
    public static final int SHIFT_OVER_24H = 0x4E;
    /** Неверный пароль. */
    public static final int WRONG_PASSWORD = 0x4F;
    /** Чек закрыт – операция невозможна. */
    public static final int RECEIPT_CLOSED = 0x55;
    /** Нет документа для повтора. */
    public static final int NO_DOCUMENT_TO_REPEAT = 0x56;
    /** Нет чековой ленты. */
    public static final int NO_PAPER = 0x6B;
    /** Нулевой итог чека. */
    public static final int ZERO_TOTAL = 0x8E;

    private final int code;

    public RegisterRefusal(int code, String why) {
        super(String.format("0x%02X %s", code, why));
        this.code = code;
    }

    public int code() {
        return code;
    }
}
