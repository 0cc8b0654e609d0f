package io.reactives3.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.testkit.StoreKind;
import org.junit.jupiter.api.Test;

class ServerDependenciesTest {

    @Test
    void everyTarget_hasItsDependenciesInThisBuild() {
        for (StoreKind kind : StoreKind.values()) {
            assertThat(ServerDependencies.missing(kind)).as(kind.id()).isEmpty();
        }
    }

    @Test
    void missingClass_namesTheDependencyToAdd() {
        assertThat(ServerDependencies.firstMissing(
                new ServerDependencies.Needed("java.lang.String", "java:base:17"),
                new ServerDependencies.Needed("org.example.Absent", "org.example:absent:1.0")))
                .hasValueSatisfying(message -> assertThat(message)
                        .startsWith("add the test dependency org.example:absent:1.0 to use this target")
                        .contains("org.example.Absent is not on the class path"));
    }

    @Test
    void versionsOfTheBuild_areFilledIn() {
        assertThat(ServerDependencies.version("s3proxy")).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(ServerDependencies.version("s3mock")).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(ServerDependencies.jacksonAnnotationsVersion()).isEqualTo(ServerDependencies.version("jackson-annotations"));
    }

    @Test
    void jacksonAnnotationsTooOld_namesTheVersionFoundAndTheFix() {
        assertThat(ServerDependencies.jacksonAnnotationsTooOld("2.19.2")).hasValueSatisfying(message ->
                assertThat(message).contains("jackson-annotations 2.21 or newer", "but 2.19.2 is on the class path",
                        "jackson-annotations " + ServerDependencies.version("jackson-annotations"),
                        "dependencyManagement before the Spring Boot BOM"));
        assertThat(ServerDependencies.jacksonAnnotationsTooOld(null))
                .hasValueSatisfying(message -> assertThat(message).contains("but an older one is on the class path"));
    }

    @Test
    void jackson3sAnnotation_isOnThisBuildsClassPath() throws Exception {
        assertThat(Class.forName(ServerDependencies.JACKSON_3_NEEDS)).isNotNull();
    }
}
