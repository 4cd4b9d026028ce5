package dev.khabar.console.demo;

import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** What the server needs from the feed: the article paths and the date the site last changed. */
record SampleFeed(List<String> articlePaths, Instant lastModified) {

    static SampleFeed parse(byte[] xml) {
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            doc = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("sample site feed is not well-formed XML", e);
        }
        List<String> paths = new ArrayList<>();
        NodeList items = doc.getElementsByTagName("item");
        for (int i = 0; i < items.getLength(); i++) {
            String link = childText((Element) items.item(i), "link");
            if (link == null || !link.startsWith(SampleSite.PLACEHOLDER + "/")) {
                throw new IllegalStateException("feed item without a " + SampleSite.PLACEHOLDER + "/… link: " + link);
            }
            paths.add(link.substring(SampleSite.PLACEHOLDER.length() + 1));
        }
        Instant modified = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        NodeList built = doc.getElementsByTagName("lastBuildDate");
        if (built.getLength() > 0) {
            try {
                modified = ZonedDateTime.parse(built.item(0).getTextContent().strip(),
                        DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                // keep the start time
            }
        }
        return new SampleFeed(List.copyOf(paths), modified);
    }

    private static String childText(Element parent, String name) {
        NodeList children = parent.getElementsByTagName(name);
        return children.getLength() == 0 ? null : children.item(0).getTextContent().strip();
    }
}
