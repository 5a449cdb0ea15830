package org.topupkiosk.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.topupkiosk.domain.Catalog;
import org.topupkiosk.domain.FeeRule;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.domain.Product;
import org.topupkiosk.domain.Promotion;
import org.topupkiosk.domain.SupplierInfo;

/** Turns catalog.yaml into a {@link Catalog}, recording every problem with its key path ({@code operators[1].fee.percent}). */
final class CatalogParser {

    static final List<String> LANGUAGES = List.of("ru", "en", "zh");

    private final Problems problems;
    /** With a fiscal register on, every operator needs its supplier's name, INN and phone; the reason says so. */
    private final String suppliersRequiredBy;
    /** A real register (not the emulator): the demo INNs of region 00 are refused. */
    private final boolean realRegister;

    CatalogParser(Problems problems) {
        this(problems, null, false);
    }

    /**
     * @param suppliersRequiredBy why suppliers are required ("fiscal.register is shtrih"), or null when they are not
     * @param realRegister        receipts go to the tax service: demo supplier data (INN of region 00) is refused
     */
    CatalogParser(Problems problems, String suppliersRequiredBy, boolean realRegister) {
        this.problems = problems;
        this.suppliersRequiredBy = suppliersRequiredBy;
        this.realRegister = realRegister;
    }

    /** The catalog, or null when problems were recorded. */
    Catalog parse(ObjectNode tree) {
        Section root = Section.root(problems, tree);
        List<Operator> operators = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<JsonNode> operatorNodes = root.list("operators");
        if (operatorNodes.isEmpty()) {
            root.problem("operators", "is missing or empty (expected at least one operator)");
        }
        for (int i = 0; i < operatorNodes.size(); i++) {
            Operator o = operator(new Section(problems, "operators[" + i + "]", operatorNodes.get(i)), ids);
            if (o != null) {
                operators.add(o);
            }
        }
        List<Product> products = new ArrayList<>();
        Set<String> productIds = new HashSet<>();
        List<JsonNode> productNodes = root.list("products");
        for (int i = 0; i < productNodes.size(); i++) {
            Section s = new Section(problems, "products[" + i + "]", productNodes.get(i));
            Product p = product(s, ids);
            if (p != null && !productIds.add(p.id())) {
                problems.add("products[" + i + "].id", "\"" + p.id() + "\" appears twice");
            } else if (p != null) {
                products.add(p);
            }
        }
        List<Promotion> promotions = new ArrayList<>();
        Set<String> promoIds = new HashSet<>();
        List<JsonNode> promoNodes = root.list("promotions");
        for (int i = 0; i < promoNodes.size(); i++) {
            Promotion p = promotion(new Section(problems, "promotions[" + i + "]", promoNodes.get(i)), ids);
            if (p != null && !promoIds.add(p.id())) {
                problems.add("promotions[" + i + "].id", "\"" + p.id() + "\" appears twice");
            } else if (p != null) {
                promotions.add(p);
            }
        }
        root.finish();
        return problems.isEmpty() ? new Catalog(operators, products, promotions) : null;
    }

    /** Adds the id to {@code ids} even when the rest is bad, so products naming it are not reported as well. */
    private Operator operator(Section s, Set<String> ids) {
        String id = id(s, "id", "an operator id such as mts");
        if (id != null && !ids.add(id)) {
            s.problem("id", "\"" + id + "\" appears twice");
            id = null;
        }
        Map<String, String> names = languages(s.section("names"));
        String color = s.requiredText("color", "a colour such as \"#E30611\"");
        if (color != null && !color.matches("#[0-9A-Fa-f]{6}")) {
            s.problem("color", "\"" + color + "\" is not a colour (expected #RRGGBB in quotes, e.g. \"#E30611\")");
        }
        Money min = s.rub("minAmountRub", Money.rub(10));
        Money max = s.rub("maxAmountRub", Money.rub(15_000));
        if (min != null && max != null && min.greaterThan(max)) {
            s.problem("minAmountRub", min.plain() + " is above maxAmountRub " + max.plain());
        }
        FeeRule fee = fee(s.section("fee"));
        List<String> registryNames = new ArrayList<>();
        List<JsonNode> rn = s.list("registryNames");
        for (int i = 0; i < rn.size(); i++) {
            if (!rn.get(i).isTextual() || rn.get(i).asText().isBlank()) {
                s.problem("registryNames[" + i + "]", Section.describe(rn.get(i))
                        + " is not a registry name (expected e.g. 'ПАО \"МегаФон\"')");
            } else {
                registryNames.add(rn.get(i).asText().strip());
            }
        }
        Optional<SupplierInfo> supplier = supplier(s);
        s.finish();
        if (id == null || names == null || color == null || min == null || max == null || fee == null
                || min.greaterThan(max) || !color.matches("#[0-9A-Fa-f]{6}")) {
            return null;
        }
        return new Operator(id, names, color.toUpperCase(Locale.ROOT), min, max, fee, registryNames, supplier);
    }

    /**
     * {@code supplier: {name, inn, phone}}: the operator's legal entity for fiscal receipts (tags 1225, 1226, 1171).
     * A section that is there must be whole; a missing one is an error only when a fiscal register is on, and then
     * each missing field is named.
     */
    private Optional<SupplierInfo> supplier(Section operator) {
        boolean present = operator.has("supplier");
        Section s = operator.section("supplier");
        Optional<String> name = FiscalSection.nonBlank(s, "name");
        Optional<String> inn = FiscalSection.inn(s, "inn");
        if (realRegister && inn.filter(FiscalLegal::demo).isPresent()) {
            s.problem("inn", "\"" + inn.get() + "\" " + FiscalLegal.DEMO_INN);
        }
        String phone = null;
        if (s.has("phone")) {
            String why = FiscalSection.phoneProblem(s.raw("phone"));
            if (why != null) {
                s.problem("phone", why);
            } else {
                phone = s.raw("phone").asText().strip();
            }
        }
        s.finish();
        if (present || suppliersRequiredBy != null) {
            String why = suppliersRequiredBy != null ? " (" + suppliersRequiredBy + ": " : " (a supplier needs all three: ";
            if (name.isEmpty() && !s.has("name")) {
                s.problem("name", "is missing" + why + "the supplier's name, tag 1225, e.g. 'ПАО \"МТС\"')");
            }
            if (!s.has("inn")) {
                s.problem("inn", "is missing" + why + "the supplier's INN, tag 1226, 10 or 12 digits in quotes)");
            }
            if (!s.has("phone")) {
                s.problem("phone", "is missing" + why + "the supplier's phone, tag 1171, e.g. \"+78002500890\")");
            }
        }
        if (name.isPresent() && inn.isPresent() && phone != null) {
            return Optional.of(new SupplierInfo(name.get(), inn.get(), phone));
        }
        return Optional.empty();
    }

    private FeeRule fee(Section s) {
        JsonNode percentNode = s.raw("percent");
        long bp = 0;
        boolean ok = true;
        if (percentNode != null) {
            String text = percentNode.isNumber() ? percentNode.decimalValue().toPlainString()
                    : percentNode.isTextual() ? percentNode.asText() : "";
            try {
                bp = FeeRule.parsePercent(text);
            } catch (IllegalArgumentException e) {
                s.problem("percent", Section.describe(percentNode) + ": " + e.getMessage()
                        + " (expected a percent such as 2, 2.5 or 0.75)");
                ok = false;
            }
        }
        Money fixed = s.rub("fixedRub", Money.ZERO_RUB);
        Money minimum = s.rub("minimumRub", Money.ZERO_RUB);
        s.finish();
        return ok && fixed != null && minimum != null ? new FeeRule(bp, fixed, minimum) : null;
    }

    private Product product(Section s, Set<String> operatorIds) {
        String id = id(s, "id", "a product id such as mts-data-day-1gb");
        String operator = s.requiredText("operator", "the id of an operator above, e.g. mts");
        if (operator != null && !operatorIds.contains(operator)) {
            s.problem("operator", "\"" + operator + "\" is not an operator of this catalog (known: "
                    + String.join(", ", new TreeSet<>(operatorIds)) + ")");
        }
        if (!s.has("kind")) {
            s.problem("kind", "is missing (expected one of " + Section.choices(Product.Kind.class) + ")");
        }
        if (!s.has("period")) {
            s.problem("period", "is missing (expected one of " + Section.choices(Product.Period.class) + ")");
        }
        Product.Kind kind = s.choice("kind", null, Product.Kind.class);
        Product.Period period = s.choice("period", null, Product.Period.class);
        Money price = s.rub("priceRub", null);
        if (price != null && price.isZero()) {
            s.problem("priceRub", "must be above 0 (expected roubles, e.g. 300)");
        }
        long dataMb = quantity(s, "dataMb", "megabytes");
        long minutes = quantity(s, "voiceMinutes", "minutes");
        Map<String, String> titles = languages(s.section("titles"));
        s.finish();
        if (id == null || operator == null || !operatorIds.contains(operator) || kind == null || period == null
                || price == null || price.isZero() || titles == null || dataMb < -1 || minutes < -1) {
            return null;
        }
        return new Product(id, operator, kind, period, price, dataMb, minutes, titles);
    }

    private Promotion promotion(Section s, Set<String> operatorIds) {
        String id = id(s, "id", "a promotion id such as mts-bonus10-500");
        String operator = s.requiredText("operator", "the id of an operator above, e.g. mts");
        if (operator != null && !operatorIds.contains(operator)) {
            s.problem("operator", "\"" + operator + "\" is not an operator of this catalog");
        }
        Money min = s.rub("minAmountRub", null);
        if (!s.has("minAmountRub")) {
            s.problem("minAmountRub", "is missing (expected roubles, e.g. 500)");
        }
        int before = problems.count();
        long percent = s.integer("bonusPercent", 0, 1, 100, "a whole percent 1-100");
        boolean percentOk = problems.count() == before && s.has("bonusPercent");
        if (!s.has("bonusPercent")) {
            s.problem("bonusPercent", "is missing (expected a whole percent 1-100)");
        }
        LocalDate from = date(s, "validFrom");
        LocalDate until = date(s, "validUntil");
        if (from != null && until != null && until.isBefore(from)) {
            s.problem("validUntil", until + " is before validFrom " + from);
        }
        Map<String, String> titles = languages(s.section("titles"));
        s.finish();
        if (id == null || operator == null || !operatorIds.contains(operator) || min == null || !percentOk
                || from == null || until == null || until.isBefore(from) || titles == null) {
            return null;
        }
        return new Promotion(id, operator, min, (int) percent, from, until, titles);
    }

    private LocalDate date(Section s, String key) {
        String text = s.requiredText(key, "a date such as 2026-12-31");
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            s.problem(key, "\"" + text + "\" is not a date (expected YYYY-MM-DD, e.g. 2026-12-31)");
            return null;
        }
    }

    /** A whole quantity, or the word "unlimited". Returns -2 after recording a problem. */
    private long quantity(Section s, String key, String unit) {
        JsonNode v = s.raw(key);
        if (v != null && v.isTextual() && v.asText().strip().equalsIgnoreCase("unlimited")) {
            return Product.UNLIMITED_QUANTITY;
        }
        int before = problems.count();
        long q = s.integer(key, 0, 0, 10_000_000, unit + " or \"unlimited\"");
        return problems.count() > before ? -2 : q;
    }

    private String id(Section s, String key, String expected) {
        String id = s.requiredText(key, expected);
        if (id != null && !id.matches("[a-z0-9][a-z0-9-]{0,47}")) {
            s.problem(key, "\"" + id + "\" is not an id (expected lower-case letters, digits and -, e.g. " + expected + ")");
            return null;
        }
        return id;
    }

    /** A ru/en/zh text map; every language must be there because every screen shows all three. */
    private Map<String, String> languages(Section s) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            String t = s.requiredText(lang, "the text in " + lang);
            if (t != null && !t.isBlank()) {
                out.put(lang, t.strip());
            } else if (t != null) {
                s.problem(lang, "is empty");
            }
        }
        s.finish();
        return out.size() == LANGUAGES.size() ? out : null;
    }
}
