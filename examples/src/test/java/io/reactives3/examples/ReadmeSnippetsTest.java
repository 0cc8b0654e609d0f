package io.reactives3.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every line of the README's Java blocks appears in {@link ReadmeSnippets} or in the WebFlux example's
 * {@code ObjectController}, which the build compiles: a README
 * snippet cannot call an API that no longer exists.
 */
class ReadmeSnippetsTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyReadmeJavaLineIsCompiledInReadmeSnippets() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Set<String> compiled = Files.readAllLines(
                        Path.of("src/main/java/io/reactives3/examples/ReadmeSnippets.java")).stream()
                .map(String::strip).collect(Collectors.toCollection(java.util.HashSet::new));
        // "Use it from Spring" quotes the WebFlux example's controller, compiled (and tested) in its own module
        compiled.addAll(Files.readAllLines(Path.of("..", "examples-webflux", "src", "main", "java", "io", "reactives3",
                "examples", "webflux", "ObjectController.java")).stream().map(String::strip).toList());

        List<String> readmeLines = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(readme);
        while (block.find()) {
            block.group(1).lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(readmeLines::add);
        }

        assertThat(readmeLines).as("Java lines in README.md").isNotEmpty();
        assertThat(readmeLines).as("README Java lines missing from ReadmeSnippets.java")
                .allSatisfy(line -> assertThat(compiled).contains(line));
    }
}
