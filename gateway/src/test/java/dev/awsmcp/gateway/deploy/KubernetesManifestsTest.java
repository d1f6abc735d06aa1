package dev.awsmcp.gateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.awsmcp.gateway.config.ConfigLoader;
import dev.awsmcp.gateway.config.GatewayConfig;
import dev.awsmcp.gateway.testing.ExternalCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes manifests of {@code deploy/kubernetes/}: valid against the Kubernetes JSON schemas in strict mode
 * (unknown fields refused) with {@code kubernetes-validate} (PyPI, bundles the schemas; installed by
 * scripts/install-test-deps.sh), for the oldest and newest Kubernetes versions it carries that EKS supports; their
 * ConfigMaps carry the repository's container configuration and example policies unchanged; the probes ask the
 * admin listener's health endpoints.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = ExternalCommand.repositoryRoot();
    private static final Path MANIFESTS = ROOT.resolve("deploy/kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    private static List<Path> manifests() throws Exception {
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static ExternalCommand.Outcome validate(String version, List<Path> files) throws Exception {
        List<String> command = new ArrayList<>(List.of(ExternalCommand.python(), "-m", "kubernetes_validate", "--strict", "-k", version));
        files.forEach(f -> command.add(f.toString()));
        return ExternalCommand.run(ROOT, 120, command);
    }

    private static JsonNode manifest(String file) throws Exception {
        return YAML.readTree(MANIFESTS.resolve(file).toFile());
    }

    @Test
    void everyManifestIsValidAgainstTheKubernetesSchemasInStrictMode() throws Exception {
        List<Path> files = manifests();
        assertThat(files).extracting(f -> f.getFileName().toString())
                .contains("deployment.yaml", "service.yaml", "config.yaml", "policies.yaml", "poddisruptionbudget.yaml", "serviceaccount.yaml");
        for (String version : List.of("1.30.0", "1.37.0")) {
            ExternalCommand.Outcome outcome = validate(version, files);
            assertThat(outcome.exitCode()).as(version + "\n" + outcome.transcript()).isZero();
            assertThat(outcome.stdout().lines().filter(l -> l.startsWith("INFO ") && l.contains(" passed for resource ")))
                    .as(outcome.transcript()).hasSize(files.size());
        }
    }

    @Test
    void theValidatorRefusesAMisspelledField() throws Exception {
        Path broken = dir.resolve("deployment.yaml");
        Files.writeString(broken, Files.readString(MANIFESTS.resolve("deployment.yaml")).replace("readinessProbe:", "readinesProbe:"));
        ExternalCommand.Outcome outcome = validate("1.37.0", List.of(broken));
        assertThat(outcome.exitCode()).isNotZero();
        assertThat(outcome.stdout() + outcome.stderr()).contains("'readinesProbe' was unexpected");
    }

    @Test
    void theConfigMapsCarryTheContainerConfigurationAndThePoliciesUnchanged() throws Exception {
        JsonNode config = manifest("config.yaml").path("data");
        assertThat(config.path("gateway.yaml").asText()).isEqualTo(Files.readString(ROOT.resolve("deploy/config/gateway.yaml")));

        Map<String, String> policies = new TreeMap<>();
        manifest("policies.yaml").path("data").fields().forEachRemaining(e -> policies.put(e.getKey(), e.getValue().asText()));
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(ROOT.resolve("policies"))) {
            for (Path f : list.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                files.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        assertThat(policies).isEqualTo(files);
    }

    @Test
    void probesAskTheAdminListenerTheConfigurationOpens() throws Exception {
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, manifest("config.yaml").path("data").path("gateway.yaml").asText());
        GatewayConfig gateway = new ConfigLoader(name -> null).load(config);

        JsonNode container = manifest("deployment.yaml").at("/spec/template/spec/containers/0");
        Map<String, Integer> ports = new TreeMap<>();
        container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        assertThat(ports).containsEntry("admin", gateway.admin().port()).containsEntry("http", gateway.server().port());
        assertThat(gateway.admin().host()).isEqualTo("0.0.0.0");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
        assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("admin");
        assertThat(container.at("/resources/requests/memory").asText()).isEqualTo("384Mi");
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(manifest("serviceaccount.yaml").at("/metadata/annotations/eks.amazonaws.com~1role-arn").asText()).startsWith("arn:aws:iam::");
    }
}
