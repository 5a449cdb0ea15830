package org.topupkiosk.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.topupkiosk.domain.Catalog;
import org.topupkiosk.domain.NumberingPlan;
import org.topupkiosk.domain.Operator;

/**
 * Which catalog operator tops up the numbers the official registry gives to each legal entity: the catalog's
 * {@code registryNames} and the mapping file beside the numbering file ({@code numbering/operators.yaml}), by name and,
 * when the registry file has the ИНН column, by INN. Names listed under {@code other} are known operators the kiosk
 * cannot top up; the import reports names in no list at all.
 *
 * @param byName registry names in {@link NumberingPlanLoader#normalize} form to an operator id or {@link NumberingPlan#OTHER}
 * @param byInn  INNs to an operator id or {@link NumberingPlan#OTHER}
 */
public record RegistryOperators(Map<String, String> byName, Map<String, String> byInn) {

    /** The mapping file's name, beside the numbering file. */
    public static final String FILE_NAME = "operators.yaml";

    public RegistryOperators {
        byName = Map.copyOf(byName);
        byInn = Map.copyOf(byInn);
    }

    /** The mapping file that goes with a numbering file. */
    public static Path fileFor(Path numberingFile) {
        return numberingFile.resolveSibling(FILE_NAME);
    }

    /** The catalog's registry names alone (no mapping file). */
    public static RegistryOperators of(Catalog catalog) {
        Map<String, String> names = new HashMap<>();
        for (Operator o : catalog.operators()) {
            for (String n : o.registryNames()) {
                names.put(NumberingPlanLoader.normalize(n), o.id());
            }
        }
        return new RegistryOperators(names, Map.of());
    }

    /** The catalog's names and, when {@code file} exists, the mapping file's; a name or INN given two ids is an error. */
    public static RegistryOperators load(Path file, Catalog catalog) throws ConfigException {
        RegistryOperators fromCatalog = of(catalog);
        if (!Files.exists(file)) {
            return fromCatalog;
        }
        ObjectNode tree = YamlFiles.read(file, "registry operators file");
        Problems problems = new Problems(file);
        Map<String, String> names = new HashMap<>(fromCatalog.byName());
        Map<String, String> inns = new HashMap<>();
        Set<String> ids = new TreeSet<>();
        catalog.operators().forEach(o -> ids.add(o.id()));
        ids.add(NumberingPlan.OTHER);
        Section root = Section.root(problems, tree);
        List<JsonNode> entries = root.list("operators");
        for (int i = 0; i < entries.size(); i++) {
            Section s = new Section(problems, "operators[" + i + "]", entries.get(i));
            String id = s.requiredText("id", "a catalog operator id or other");
            if (id != null && !ids.contains(id)) {
                s.problem("id", "\"" + id + "\" is not a catalog operator (expected one of " + String.join(", ", ids) + ")");
                id = null;
            }
            add(s, "names", id, names, false);
            add(s, "inn", id, inns, true);
            s.finish();
        }
        root.finish();
        problems.throwIfAny();
        return new RegistryOperators(names, inns);
    }

    private static void add(Section s, String key, String id, Map<String, String> into, boolean inn) {
        List<JsonNode> values = s.list(key);
        for (int j = 0; j < values.size(); j++) {
            JsonNode v = values.get(j);
            String text = v.isTextual() || v.isNumber() ? v.asText().strip() : "";
            String field = key + "[" + j + "]";
            if (inn ? !text.matches("\\d{10}|\\d{12}") : text.isEmpty()) {
                s.problem(field, Section.describe(v) + (inn ? " is not an INN (expected 10 or 12 digits in quotes)"
                        : " is not a registry name (expected e.g. 'ПАО \"МегаФон\"')"));
                continue;
            }
            String k = inn ? text : NumberingPlanLoader.normalize(text);
            String before = id == null ? null : into.putIfAbsent(k, id);
            if (before != null && !before.equals(id)) {
                s.problem(field, "\"" + text + "\" is already given to " + before + " (catalog registryNames or an "
                        + "earlier entry); one registry operator tops up through one catalog operator");
            }
        }
    }

    /** The operator id for a registry row: by INN when known, else by name, else {@link NumberingPlan#OTHER}. */
    public String idFor(String registryName, String inn) {
        if (inn != null && !inn.isEmpty()) {
            String id = byInn.get(inn);
            if (id != null) {
                return id;
            }
        }
        return byName.getOrDefault(NumberingPlanLoader.normalize(registryName), NumberingPlan.OTHER);
    }

    /** Whether a registry operator is named in a list (as a catalog operator's or as a known other operator). */
    public boolean knows(String registryName, String inn) {
        return (inn != null && byInn.containsKey(inn)) || byName.containsKey(NumberingPlanLoader.normalize(registryName));
    }
}
