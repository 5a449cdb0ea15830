package org.topupkiosk.carrier.osmp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads and writes the OSMP answer document. Reading is hardened, because the body comes from the network: no DTD at
 * all (a {@code <!DOCTYPE} is a fatal error, so no entity of any kind, internal or external, is ever declared, let
 * alone expanded or fetched), no XInclude, the JDK's secure processing limits, an entity resolver that refuses
 * everything should a parser ever ask, a size cap, and the encoding taken from the document (its BOM or XML
 * declaration), never from the HTTP content type. Unknown elements and attributes are ignored; the known ones must
 * hold plain text of the right type, once.
 */
public final class OsmpXml {

    /** No OSMP answer is near this big; the HTTP side refuses a bigger one unread, and so does {@link #parse}. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** Result codes are small; anything above this is a wrong type, not a new code. */
    static final int MAX_RESULT = 9_999;
    /** Just under 10^12 roubles (12 rouble digits): far above any payment, and no arithmetic on it overflows. */
    static final long MAX_SUM_MINOR = 99_999_999_999_999L;
    private static final Pattern TXN_ID = Pattern.compile("[0-9]{1,20}");
    private static final Pattern SUM = Pattern.compile("([0-9]{1,12})(?:\\.([0-9]{1,2}))?");
    private static final Pattern RESULT = Pattern.compile("[0-9]{1,4}");
    private static final Set<String> KNOWN = Set.of("osmp_txn_id", "prv_txn", "sum", "result", "comment");
    private static final int MAX_TEXT = 1_024;

    private static final DocumentBuilderFactory FACTORY = factory();

    private OsmpXml() {}

    static boolean isTxnId(String s) {
        return s != null && TXN_ID.matcher(s).matches();
    }

    /** The answer in {@code body}; anything else is an {@link OsmpGarbledException}, never another exception. */
    public static OsmpAnswer parse(byte[] body) throws OsmpGarbledException {
        if (body == null || body.length == 0) {
            throw new OsmpGarbledException("empty body");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new OsmpGarbledException("body of " + body.length + " bytes is over the " + MAX_BODY_BYTES + " byte cap");
        }
        Document doc;
        try {
            DocumentBuilder b;
            synchronized (FACTORY) {
                // A factory is not promised thread-safe; a builder is used by this call alone.
                b = FACTORY.newDocumentBuilder();
            }
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            b.setErrorHandler(SILENT);
            doc = b.parse(new InputSource(new ByteArrayInputStream(body)));
        } catch (SAXException | IOException | ParserConfigurationException | RuntimeException e) {
            throw new OsmpGarbledException("not a well-formed OSMP answer: " + oneLine(e.getMessage()), e);
        } catch (StackOverflowError e) {
            throw new OsmpGarbledException("nested too deep", null);
        }
        return read(doc.getDocumentElement());
    }

    private static OsmpAnswer read(Element root) throws OsmpGarbledException {
        if (root == null || !"response".equals(root.getTagName())) {
            throw new OsmpGarbledException("root element is <" + (root == null ? "" : root.getTagName())
                    + ">, expected <response>");
        }
        Map<String, String> fields = new HashMap<>();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && KNOWN.contains(e.getTagName())) {
                if (fields.put(e.getTagName(), text(e)) != null) {
                    throw new OsmpGarbledException("<" + e.getTagName() + "> appears twice");
                }
            }
        }
        String txn = required(fields, "osmp_txn_id");
        if (!isTxnId(txn)) {
            throw new OsmpGarbledException("<osmp_txn_id> '" + clip(txn) + "' is not 1-20 digits");
        }
        String resultText = required(fields, "result");
        if (!RESULT.matcher(resultText).matches()) {
            throw new OsmpGarbledException("<result> '" + clip(resultText) + "' is not a result code");
        }
        String sumText = fields.get("sum");
        Long sum = sumText == null || sumText.isEmpty() ? null : sum(sumText);
        String prv = blankToNull(fields.get("prv_txn"));
        return new OsmpAnswer(txn, prv, sum, Integer.parseInt(resultText), blankToNull(fields.get("comment")));
    }

    private static long sum(String text) throws OsmpGarbledException {
        Matcher m = SUM.matcher(text);
        if (!m.matches()) {
            throw new OsmpGarbledException("<sum> '" + clip(text) + "' is not roubles with up to 2 decimals");
        }
        String kop = m.group(2) == null ? "0" : m.group(2).length() == 1 ? m.group(2) + "0" : m.group(2);
        return Long.parseLong(m.group(1)) * 100 + Integer.parseInt(kop);
    }

    /** The element's text; an element inside a known one is a wrong type. */
    private static String text(Element e) throws OsmpGarbledException {
        StringBuilder sb = new StringBuilder();
        NodeList kids = e.getChildNodes();
        for (int i = 0; i < kids.getLength(); i++) {
            Node k = kids.item(i);
            short t = k.getNodeType();
            if (t == Node.TEXT_NODE || t == Node.CDATA_SECTION_NODE) {
                sb.append(k.getNodeValue());
            } else if (t != Node.COMMENT_NODE && t != Node.PROCESSING_INSTRUCTION_NODE) {
                throw new OsmpGarbledException("<" + e.getTagName() + "> holds markup, expected text");
            }
            if (sb.length() > MAX_TEXT) {
                throw new OsmpGarbledException("<" + e.getTagName() + "> is over " + MAX_TEXT + " characters");
            }
        }
        return sb.toString().strip();
    }

    private static String required(Map<String, String> fields, String name) throws OsmpGarbledException {
        String v = fields.get(name);
        if (v == null || v.isEmpty()) {
            throw new OsmpGarbledException("<" + name + "> is missing");
        }
        return v;
    }

    /** The answer as a provider writes it (the simulator's side, and round-trip tests). */
    public static byte[] render(OsmpAnswer a) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<response>");
        sb.append("<osmp_txn_id>").append(a.osmpTxnId()).append("</osmp_txn_id>");
        if (a.prvTxn() != null) {
            sb.append("<prv_txn>").append(escape(a.prvTxn())).append("</prv_txn>");
        }
        if (a.sumMinor() != null) {
            sb.append("<sum>").append(roubles(a.sumMinor())).append("</sum>");
        }
        sb.append("<result>").append(a.result()).append("</result>");
        if (a.comment() != null) {
            sb.append("<comment>").append(escape(a.comment())).append("</comment>");
        }
        return sb.append("</response>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Kopecks as OSMP writes money: roubles with two decimals, "150.00". */
    public static String roubles(long minor) {
        if (minor < 0) {
            throw new IllegalArgumentException("sum must not be negative, got " + minor);
        }
        return String.format(Locale.ROOT, "%d.%02d", minor / 100, minor % 100);
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static String oneLine(String s) {
        return s == null ? "" : clip(s.replaceAll("\\s+", " "));
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // The one setting that stops every DTD attack: a DOCTYPE is a fatal error, so nothing is declared.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser cannot be hardened: " + e.getMessage(), e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        f.setValidating(false);
        f.setCoalescing(true);
        f.setIgnoringComments(true);
        return f;
    }

    /** Errors become the exception; nothing is printed to stderr as the JDK's default handler does. */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // a warning changes nothing about the answer
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
