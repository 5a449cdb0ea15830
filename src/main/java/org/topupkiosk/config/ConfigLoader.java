package org.topupkiosk.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.topupkiosk.domain.Catalog;

/**
 * Loads kiosk.yaml, then the catalog and numbering files it names, and validates all of it before anything starts.
 *
 * <p>Path rule: a relative path inside a config file is resolved against the directory holding that file. So
 * {@code kiosk-config/kiosk.yaml} with {@code catalogFile: catalog/catalog.yaml} reads
 * {@code kiosk-config/catalog/catalog.yaml} whatever the working directory. The config file itself is taken as given
 * (relative to the working directory), and messages name files the way the operator typed them.
 */
public final class ConfigLoader {

    private ConfigLoader() {}

    public static LoadedConfig load(Path configFile) throws ConfigException {
        KioskConfig config = loadKioskConfig(configFile);
        Catalog catalog = loadCatalogFor(config, configFile);
        NumberingPlanLoader.Result numbering = numberingLoader(config, catalog).load(config.numberingFile());
        return new LoadedConfig(config, catalog, numbering.plan());
    }

    /** The loader of the configured numbering file: the catalog's and the mapping file's registry names. */
    public static NumberingPlanLoader numberingLoader(KioskConfig config, Catalog catalog) throws ConfigException {
        return new NumberingPlanLoader(RegistryOperators.load(RegistryOperators.fileFor(config.numberingFile()), catalog));
    }

    /** Only kiosk.yaml, without the files it names. */
    public static KioskConfig loadKioskConfig(Path configFile) throws ConfigException {
        ObjectNode tree = YamlFiles.read(configFile, "config file");
        Path base = configFile.getParent() == null ? Path.of("") : configFile.getParent();
        Problems problems = new Problems(configFile);
        KioskConfig config = new KioskConfigParser(problems, base).parse(tree);
        problems.throwIfAny();
        return config;
    }

    public static Catalog loadCatalog(Path catalogFile) throws ConfigException {
        return loadCatalog(catalogFile, null, false);
    }

    /**
     * The catalog of {@code config}; with a fiscal register on, every legal field missing from the {@code fiscal}
     * section and from the operators' suppliers is named in one exception, one problem each (docs/fiscal.md).
     */
    public static Catalog loadCatalogFor(KioskConfig config, Path configFile) throws ConfigException {
        List<ConfigException.Problem> legal = new ArrayList<>(FiscalLegal.missing(configFile, config.fiscal()));
        String required = config.fiscal().enabled()
                ? "fiscal.register is " + config.fiscal().register().name().toLowerCase(Locale.ROOT) : null;
        try {
            Catalog catalog = loadCatalog(config.catalogFile(), required,
                    config.fiscal().enabled() && !config.fiscal().emulated());
            if (!legal.isEmpty()) {
                throw new ConfigException(legal);
            }
            return catalog;
        } catch (ConfigException e) {
            if (legal.isEmpty()) {
                throw e;
            }
            List<ConfigException.Problem> all = new ArrayList<>(legal);
            e.problems().stream().filter(p -> !legal.contains(p)).forEach(all::add);
            throw new ConfigException(all);
        }
    }

    private static Catalog loadCatalog(Path catalogFile, String suppliersRequiredBy, boolean realRegister)
            throws ConfigException {
        ObjectNode tree = YamlFiles.read(catalogFile, "catalog file");
        Problems problems = new Problems(catalogFile);
        Catalog catalog = new CatalogParser(problems, suppliersRequiredBy, realRegister).parse(tree);
        problems.throwIfAny();
        return catalog;
    }
}
