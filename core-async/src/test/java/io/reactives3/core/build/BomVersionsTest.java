package io.reactives3.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The BOM has no parent (so importing it brings no test libraries), which means it states the AWS SDK and CRT
 * versions a second time: they must be the ones the build compiles and tests with, and its version the project's.
 */
class BomVersionsTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void bom_statesTheVersionsTheBuildUses() throws Exception {
        String root = Files.readString(ROOT.resolve("pom.xml"));
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        for (String property : new String[] {"aws-sdk.version", "aws-crt.version"}) {
            assertThat(property(bom, property)).as(property).isEqualTo(property(root, property));
        }
        assertThat(first(bom, "<artifactId>reactive-s3-bom</artifactId>\\s*<version>([^<]+)</version>"))
                .isEqualTo(first(root, "<artifactId>reactive-s3-parent</artifactId>\\s*<version>([^<]+)</version>"));
        for (String artifact : new String[] {"reactive-s3-core", "reactive-s3-transfer", "reactive-s3-resource",
                "reactive-s3-testkit"}) {
            assertThat(bom).contains("<artifactId>" + artifact + "</artifactId>");
        }
    }

    private static String property(String pom, String name) {
        return first(pom, "<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">");
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }
}
