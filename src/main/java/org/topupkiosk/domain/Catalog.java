package org.topupkiosk.domain;

import java.time.LocalDate;
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
    private final List<Promotion> promotions;

    public Catalog(List<Operator> operators, List<Product> products) {
        this(operators, products, List.of());
    }

    public Catalog(List<Operator> operators, List<Product> products, List<Promotion> promotions) {
        this.promotions = List.copyOf(promotions);
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
        for (Promotion p : this.promotions) {
            if (!byId.containsKey(p.operatorId())) {
                throw new IllegalArgumentException("promotion " + p.id() + " names unknown operator " + p.operatorId());
            }
        }
    }

    public List<Promotion> promotions() {
        return promotions;
    }

    /**
     * The promotion a top-up of {@code amount} for {@code operatorId} earns on {@code day}: the one with the largest
     * bonus, empty when none applies.
     */
    public Optional<Promotion> promotionFor(String operatorId, Money amount, LocalDate day) {
        Promotion best = null;
        for (Promotion p : promotions) {
            if (p.appliesTo(operatorId, amount, day) && (best == null || p.bonusPercent() > best.bonusPercent())) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A promotion running for the operator today, to advertise before the amount is typed (the lowest threshold). */
    public Optional<Promotion> runningPromotion(String operatorId, LocalDate day) {
        Promotion best = null;
        for (Promotion p : promotions) {
            if (p.runs(operatorId, day) && (best == null || p.minAmount().lessThan(best.minAmount()))) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
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
