package org.topupkiosk.app;
public final class KioskMain { public static void main(String[] a) {} }
