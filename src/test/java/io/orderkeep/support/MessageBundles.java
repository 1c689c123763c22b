package io.orderkeep.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Properties;

/** The console's and tracking page's message bundles, read as the files they are, for key-completeness tests. */
public final class MessageBundles {

    private MessageBundles() {
    }

    /** Asserts that English and Chinese both hold every key, and the same keys as each other. */
    public static void assertBothLanguagesHave(Collection<String> keys, String... bundles) {
        Properties english = load("en", bundles);
        Properties chinese = load("zh_CN", bundles);
        assertThat(english.stringPropertyNames()).as("English").containsAll(keys);
        assertThat(chinese.stringPropertyNames()).as("Chinese").containsAll(keys);
        assertThat(chinese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    }

    private static Properties load(String locale, String... bundles) {
        var properties = new Properties();
        for (String bundle : List.of(bundles)) {
            String path = "/i18n/" + bundle + "_" + locale + ".properties";
            try (var in = MessageBundles.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("no message bundle at " + path);
                }
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }
}
