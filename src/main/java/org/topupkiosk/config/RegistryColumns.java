package org.topupkiosk.config;

import static org.topupkiosk.config.RegistryCsv.clip;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the registry file's columns are, found by header name: {@code АВС/ DEF;От;До;Емкость;Оператор;Регион}, and in
 * the newer exports {@code Территория ГАР;ИНН}. A column may be absent (-1) except the four a range needs.
 *
 * @param unknown header names that are none of the registry's columns (the start ignores them, an import refuses them)
 * @param width   the fields a row needs to reach every column found
 * @param count   the header's number of fields
 */
record RegistryColumns(int def, int from, int to, int capacity, int operator, int region, int gar, int inn,
                       List<String> unknown, int width, int count) {

    /** The header the registry publishes today, for messages. */
    static final String EXPECTED = "АВС/ DEF;От;До;Емкость;Оператор;Регион;Территория ГАР;ИНН";

    /** Reads a header line's fields; throws when one of the four needed columns is missing. */
    static RegistryColumns of(List<String> names, Path file, int lineNo) throws ConfigException {
        int[] at = {-1, -1, -1, -1, -1, -1, -1, -1};
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            int column = column(NumberingPlanLoader.normalize(names.get(i)));
            if (column < 0) {
                unknown.add(names.get(i).strip());
            } else if (at[column] < 0) {
                at[column] = i;
            } else {
                unknown.add(names.get(i).strip() + " (twice)");
            }
        }
        List<String> missing = new ArrayList<>();
        String[] required = {"АВС/ DEF", "От", "До", null, "Оператор"};
        for (int c = 0; c < required.length; c++) {
            if (required[c] != null && at[c] < 0) {
                missing.add(required[c]);
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigException(file, "line " + lineNo, "header lacks column(s) " + missing
                    + " (expected " + EXPECTED + ", got \"" + clip(String.join(";", names)) + "\"; is the file in"
                    + " UTF-8 or windows-1251, with ';' between fields?)");
        }
        int width = 0;
        for (int a : at) {
            width = Math.max(width, a + 1);
        }
        return new RegistryColumns(at[0], at[1], at[2], at[3], at[4], at[5], at[6], at[7], List.copyOf(unknown), width,
                names.size());
    }

    /** The column a normalized header name stands for, or -1. */
    private static int column(String n) {
        return switch (n) {
            case "авс/def", "abc/def", "авс/деф", "def", "abc" -> 0;
            case "от", "from" -> 1;
            case "до", "to" -> 2;
            case "емкость", "capacity" -> 3;
            case "оператор", "operator" -> 4;
            case "регион", "region" -> 5;
            case "территориягар", "гар-территория", "гартерритория", "территория", "gar" -> 6;
            case "инн", "inn" -> 7;
            default -> -1;
        };
    }

    /** The registry columns absent from this header that an import wants (a range needs only four). */
    List<String> missingOptional() {
        List<String> out = new ArrayList<>();
        if (capacity < 0) {
            out.add("Емкость");
        }
        if (region < 0) {
            out.add("Регион");
        }
        return out;
    }
}
