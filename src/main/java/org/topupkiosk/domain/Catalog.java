package org.topupkiosk.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The operators and packages the kiosk sells, in display order. Immutable. */
public final class Catalog {

    private final List<Operator> operators;
    private final List<Product> products;
    private final Map<String, Operator> operatorsById;
    private final Map<String, List<Product>> productsByOperator;
    private final Map<String, Product> productsById;

    public Catalog(List<Operator> operators, List<Product> products) {
        this.operators = List.copyOf(operators);
        this.products = List.copyOf(products);
        Map<String, Operator> byId = new LinkedHashMap<>();
        for (Operator o : this.operators) {
            if (byId.put(o.id(), o) != null) {
                throw new IllegalArgumentException("operator id " + o.id() + " appears twice");
            }
        }
        Map<String, List<Product>> byOperator = new LinkedHashMap<>();
        Map<String, Product> productIds = new LinkedHashMap<>();
        for (Product p : this.products) {
            if (!byId.containsKey(p.operatorId())) {
                throw new IllegalArgumentException("product " + p.id() + " names unknown operator " + p.operatorId());
            }
            if (productIds.put(p.id(), p) != null) {
                throw new IllegalArgumentException("product id " + p.id() + " appears twice");
            }
            byOperator.computeIfAbsent(p.operatorId(), k -> new ArrayList<>()).add(p);
        }
        byOperator.replaceAll((k, v) -> List.copyOf(v));
        this.operatorsById = Collections.unmodifiableMap(byId);
        this.productsByOperator = Collections.unmodifiableMap(byOperator);
        this.productsById = Collections.unmodifiableMap(productIds);
    }

    public List<Operator> operators() {
        return operators;
    }

    public List<Product> products() {
        return products;
    }

    public Optional<Operator> operator(String id) {
        return Optional.ofNullable(operatorsById.get(id));
    }

    public Optional<Product> product(String id) {
        return Optional.ofNullable(productsById.get(id));
    }

    public List<Product> productsOf(String operatorId) {
        return productsByOperator.getOrDefault(operatorId, List.of());
    }

    @Override
    public String toString() {
        return "Catalog[operators=" + operatorsById.keySet() + ", products=" + products.size() + "]";
    }
}
