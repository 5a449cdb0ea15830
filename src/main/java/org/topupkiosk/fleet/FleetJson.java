package org.topupkiosk.fleet;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * JSON of the fleet's messages: UTF-8, times as ISO-8601 instants ("2026-12-07T07:00:00Z"), unknown fields ignored (a
 * newer kiosk may say more), missing required fields and wrong types refused. A message is at most
 * {@value #MAX_BYTES} bytes; anything larger or not JSON is a {@link BadFleetMessage} naming what was wrong, never a
 * crash of the receiving side.
 */
public final class FleetJson {

    /** A catalog travels in a command, so a message may be larger than a state; a broker's limit is set to match. */
    public static final int MAX_BYTES = 1 << 20;

    private static final ObjectMapper MAPPER = mapper();

    private FleetJson() {
    }

    public static byte[] write(Object message) {
        try {
            return MAPPER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a fleet message could not be written as JSON: " + e.getMessage(), e);
        }
    }

    /** Reads one message of {@code type}; {@link BadFleetMessage} on anything that is not one. */
    public static <T> T read(byte[] payload, Class<T> type) {
        if (payload == null || payload.length == 0) {
            throw new BadFleetMessage("empty " + type.getSimpleName());
        }
        if (payload.length > MAX_BYTES) {
            throw new BadFleetMessage(type.getSimpleName() + " of " + payload.length + " bytes is over the limit of "
                    + MAX_BYTES);
        }
        try {
            T value = MAPPER.readValue(payload, type);
            if (value == null) {
                throw new BadFleetMessage("null " + type.getSimpleName());
            }
            return value;
        } catch (IOException | IllegalArgumentException | NullPointerException | DateTimeException e) {
            throw new BadFleetMessage("not a " + type.getSimpleName() + ": " + firstLine(e), e);
        }
    }

    private static String firstLine(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static ObjectMapper mapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(MAX_BYTES)
                        .maxNumberLength(40).build())
                .build();
        SimpleModule instants = new SimpleModule("fleet-instants");
        instants.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(value.toString());
            }
        });
        instants.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                return Instant.parse(p.getValueAsString());
            }
        });
        return JsonMapper.builder(factory)
                .addModule(instants)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    /** A payload that is not the message its topic promises. */
    public static final class BadFleetMessage extends RuntimeException {
        public BadFleetMessage(String message) {
            super(message);
        }

        public BadFleetMessage(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
