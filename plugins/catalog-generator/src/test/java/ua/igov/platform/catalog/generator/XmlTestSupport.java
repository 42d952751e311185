package ua.igov.platform.catalog.generator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Small DOM helpers for tests that read generated XML the way Maven and Karaf do: as XML, not as text. */
final class XmlTestSupport {

    private XmlTestSupport() {
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** The element children of {@code parent} named {@code name}. */
    static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                result.add(e);
            }
        }
        return result;
    }

    static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        if (found.size() != 1) {
            throw new AssertionError("expected one <" + name + "> in <" + parent.getTagName() + ">, found " + found.size());
        }
        return found.get(0);
    }

    /** The text of the single child {@code name} of {@code parent}. */
    static String text(Element parent, String name) {
        return child(parent, name).getTextContent();
    }

    /** Follows a path of single children from the document element, e.g. "build", "plugins". */
    static Element path(Document document, String... names) {
        Element e = document.getDocumentElement();
        for (String name : names) {
            e = child(e, name);
        }
        return e;
    }

    static List<String> texts(List<Element> elements) {
        return elements.stream().map(Node::getTextContent).toList();
    }
}
