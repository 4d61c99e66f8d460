package com.bakeryia.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The manifests under {@code kubernetes/}, read with fabric8's Kubernetes models, against the
 * application they deploy: health paths and ports, the README's configuration table, the stream's
 * ingress settings, what each overlay may change, and the operator's CRD schema. The kustomizations
 * are rendered here (the subset of kustomize they use: resources, strategic-merge patches by path,
 * namespace); {@code kubernetes/check.sh} renders them with kustomize itself.
 */
class KubernetesManifestsTest {

    private static final Path KUBERNETES = Path.of("kubernetes");
    private static final Path BASE = KUBERNETES.resolve("base");
    private static final Path DEV = KUBERNETES.resolve("overlays/dev");
    private static final Path PROD = KUBERNETES.resolve("overlays/prod");
    private static final Path GATEWAY_API = KUBERNETES.resolve("gateway-api");
    private static final Path OPERATOR = KUBERNETES.resolve("operator");
    private static final List<Path> KUSTOMIZATIONS = List.of(BASE, DEV, PROD, GATEWAY_API, OPERATOR);

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /** The NGINX ingress settings a never-ending response needs (kubernetes/base/ingress.yaml). */
    private static final Map<String, String> SSE_ANNOTATIONS = Map.of(
            "nginx.ingress.kubernetes.io/proxy-buffering", "off",
            "nginx.ingress.kubernetes.io/proxy-read-timeout", "3600",
            "nginx.ingress.kubernetes.io/proxy-send-timeout", "3600",
            "nginx.ingress.kubernetes.io/proxy-http-version", "1.1");

    /** The variables that only the real-services mode uses from Secrets: dev drops them. */
    private static final Set<String> REAL_SERVICES_SECRETS =
            Set.of("DB_USER", "DB_PASSWORD", "RABBITMQ_USER", "RABBITMQ_PASSWORD", "REDIS_URL");

    @Test
    void everyManifestIsAKnownKubernetesTypeWithoutUnknownFields() {
        for (Path kustomization : KUSTOMIZATIONS) {
            for (HasMetadata resource : typed(kustomization)) {
                String where = kustomization + ": " + resource.getKind() + " " + name(resource);
                if ("OpenLibertyApplication".equals(resource.getKind())) {
                    continue; // a CRD: checked against the operator's schema below
                }
                assertFalse(resource instanceof GenericKubernetesResource, where + " is not a type fabric8 knows");
                List<String> unknown = new ArrayList<>();
                collectUnknownFields(resource, resource.getKind(), unknown);
                assertEquals(List.of(), unknown, where + ": fields the Kubernetes API does not have");
            }
        }
    }

    @Test
    void probesAskMicroProfileHealthOnThePortLibertyServesHttpOn() throws IOException {
        String serverXml = Files.readString(Path.of("src/main/liberty/config/server.xml"));
        assertTrue(serverXml.contains("<feature>mpHealth-4.0</feature>"), "server.xml enables MicroProfile Health");
        int httpPort = Integer.parseInt(serverVariable(serverXml, "http.port"));
        int httpsPort = Integer.parseInt(serverVariable(serverXml, "https.port"));

        for (Path kustomization : List.of(BASE, DEV, PROD, GATEWAY_API)) {
            List<HasMetadata> resources = typed(kustomization);
            Deployment deployment = one(resources, Deployment.class);
            Container server =
                    deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            String where = kustomization + " container " + server.getName();
            assertEquals(
                    Set.of(httpPort, httpsPort),
                    server.getPorts().stream()
                            .map(ContainerPort::getContainerPort)
                            .collect(Collectors.toSet()),
                    where + " ports vs. server.xml's");
            assertProbe(server.getStartupProbe(), "/health/started", server, httpPort, where + " startup");
            assertProbe(server.getReadinessProbe(), "/health/ready", server, httpPort, where + " readiness");
            assertProbe(server.getLivenessProbe(), "/health/live", server, httpPort, where + " liveness");

            Service service = one(resources, Service.class);
            assertEquals("ClusterIP", service.getSpec().getType());
            assertEquals(1, service.getSpec().getPorts().size(), "only HTTP: Admin Center's HTTPS stays private");
            assertEquals(80, service.getSpec().getPorts().get(0).getPort());
            assertEquals(
                    httpPort,
                    containerPort(server, service.getSpec().getPorts().get(0).getTargetPort()));
        }
    }

    @Test
    void podsStopGracefullyAndRunWithoutRootOnAReadOnlyRootFileSystem() {
        for (Path kustomization : List.of(BASE, DEV, PROD)) {
            Deployment deployment = one(typed(kustomization), Deployment.class);
            var pod = deployment.getSpec().getTemplate().getSpec();
            Container server = pod.getContainers().get(0);
            List<String> preStop = server.getLifecycle().getPreStop().getExec().getCommand();
            assertEquals("sleep", preStop.get(0));
            int wait = Integer.parseInt(preStop.get(1));
            assertTrue(pod.getTerminationGracePeriodSeconds() >= wait + 30, "grace period leaves Liberty time to stop");
            assertTrue(pod.getSecurityContext().getRunAsNonRoot());
            assertEquals(1001L, pod.getSecurityContext().getRunAsUser());
            assertTrue(server.getSecurityContext().getReadOnlyRootFilesystem());
            assertFalse(server.getSecurityContext().getAllowPrivilegeEscalation());
            Set<String> writable = server.getVolumeMounts().stream()
                    .map(VolumeMount::getMountPath)
                    .collect(Collectors.toSet());
            assertEquals(Set.of("/opt/ol/wlp/output", "/logs", "/tmp"), writable, "where Liberty writes");
            assertNotNull(server.getResources().getRequests().get("memory"));
            assertNotNull(server.getResources().getLimits().get("memory"));
        }
    }

    @Test
    void everyEnvironmentVariableTheManifestsSetIsInTheReadmeConfigurationTable() throws IOException {
        Set<String> documented = readmeConfigurationVariables();
        Set<String> set = new TreeSet<>();
        for (Path kustomization : KUSTOMIZATIONS) {
            for (HasMetadata resource : typed(kustomization)) {
                set.addAll(environmentNames(resource));
            }
        }
        assertTrue(set.containsAll(Set.of("DB_KIND", "MESSAGING", "REDIS_URL", "DEMO_LOGIN")), set.toString());
        set.removeAll(documented);
        assertEquals(Set.of(), set, "variables the manifests set that README.md's Configuration table lacks");
    }

    @Test
    void ingressesCarryTheStreamSettingsAndTheCorsOriginsOfTheirOverlay() {
        for (Path kustomization : List.of(BASE, DEV, PROD)) {
            List<HasMetadata> resources = typed(kustomization);
            Ingress ingress = one(resources, Ingress.class);
            Map<String, String> annotations = ingress.getMetadata().getAnnotations();
            SSE_ANNOTATIONS.forEach((key, value) ->
                    assertEquals(value, annotations.get(key), kustomization + " ingress annotation " + key));
            assertEquals("nginx", ingress.getSpec().getIngressClassName());
            String cors = one(resources, ConfigMap.class).getData().get("CORS_ORIGINS");
            assertEquals(
                    cors,
                    annotations.get("nginx.ingress.kubernetes.io/cors-allow-origin"),
                    kustomization + ": the ingress answers CORS for the origins the API allows (CORS_ORIGINS)");
            assertEquals(String.valueOf(!cors.isEmpty()), annotations.get("nginx.ingress.kubernetes.io/enable-cors"));
            assertEquals(
                    one(resources, Service.class).getMetadata().getName(),
                    ingress.getSpec()
                            .getRules()
                            .get(0)
                            .getHttp()
                            .getPaths()
                            .get(0)
                            .getBackend()
                            .getService()
                            .getName());
        }
        Map<String, Object> route = cast(specOf(operatorApplication()).get("route"));
        Map<String, Object> operatorAnnotations = cast(route.get("annotations"));
        SSE_ANNOTATIONS.forEach((key, value) ->
                assertEquals(value, operatorAnnotations.get(key), "OpenLibertyApplication route annotation " + key));
    }

    @Test
    void theGatewayApiRouteLeavesTheStreamWithoutARequestTimeout() {
        List<HasMetadata> resources = typed(GATEWAY_API);
        assertTrue(resources.stream().noneMatch(Ingress.class::isInstance), "the HTTPRoute replaces the Ingress");
        HTTPRoute route = one(resources, HTTPRoute.class);
        HTTPRouteRule stream = route.getSpec().getRules().stream()
                .filter(rule -> rule.getMatches().stream()
                        .anyMatch(m -> "/api/events".equals(m.getPath().getValue())
                                && "Exact".equals(m.getPath().getType())
                                && "GET".equals(m.getMethod())))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no rule for GET /api/events"));
        assertEquals("0s", stream.getTimeouts().getRequest());
        assertEquals("0s", stream.getTimeouts().getBackendRequest());
        Service service = one(resources, Service.class);
        for (HTTPRouteRule rule : route.getSpec().getRules()) {
            rule.getBackendRefs().forEach(ref -> {
                assertEquals(service.getMetadata().getName(), ref.getName());
                assertEquals(service.getSpec().getPorts().get(0).getPort(), ref.getPort());
            });
        }
        assertEquals(
                one(typed(PROD), Ingress.class).getSpec().getRules().get(0).getHost(),
                route.getSpec().getHostnames().get(0));
    }

    @Test
    void devIsTheEmbeddedModeInOnePodAndProdTheRealServicesBehindHttps() {
        List<HasMetadata> dev = typed(DEV);
        Map<String, String> devConfig = one(dev, ConfigMap.class).getData();
        assertEquals("derby", devConfig.get("DB_KIND"));
        assertEquals("embedded", devConfig.get("MESSAGING"));
        assertEquals("auto", devConfig.get("DEMO_LOGIN"));
        Deployment devDeployment = one(dev, Deployment.class);
        assertEquals(1, devDeployment.getSpec().getReplicas());
        assertTrue(env(devDeployment).stream().noneMatch(e -> REAL_SERVICES_SECRETS.contains(e.getName())));
        assertTrue(
                dev.stream().noneMatch(r -> r instanceof HorizontalPodAutoscaler || r instanceof PodDisruptionBudget));
        Ingress devIngress = one(dev, Ingress.class);
        assertTrue(devIngress.getSpec().getTls() == null
                || devIngress.getSpec().getTls().isEmpty());
        assertEquals(
                "alerts.dev.bakery-ia.local",
                devIngress.getSpec().getRules().get(0).getHost());

        List<HasMetadata> prod = typed(PROD);
        Map<String, String> prodConfig = one(prod, ConfigMap.class).getData();
        assertEquals("postgres", prodConfig.get("DB_KIND"));
        assertEquals("rabbitmq", prodConfig.get("MESSAGING"));
        assertEquals("off", prodConfig.get("DEMO_LOGIN"));
        assertFalse(prodConfig.get("CORS_ORIGINS").isEmpty());
        Deployment prodDeployment = one(prod, Deployment.class);
        assertTrue(prodDeployment.getSpec().getReplicas() >= 2);
        assertEquals(
                prodDeployment.getSpec().getReplicas(),
                one(prod, HorizontalPodAutoscaler.class).getSpec().getMinReplicas());
        for (EnvVar var : env(prodDeployment)) {
            var secret = var.getValueFrom() == null ? null : var.getValueFrom().getSecretKeyRef();
            assertNotNull(secret, var.getName() + " comes from a Secret");
            if (REAL_SERVICES_SECRETS.contains(var.getName())) {
                assertFalse(Boolean.TRUE.equals(secret.getOptional()), var.getName() + " is required in prod");
            }
        }
        Ingress prodIngress = one(prod, Ingress.class);
        assertEquals(1, prodIngress.getSpec().getTls().size());
        assertNotNull(prodIngress.getSpec().getTls().get(0).getSecretName());
        assertEquals(
                List.of(prodIngress.getSpec().getRules().get(0).getHost()),
                prodIngress.getSpec().getTls().get(0).getHosts());
    }

    @Test
    void overlaysDifferFromBaseOnlyInReplicasImageConfigurationValuesAndTheIngressHostTlsAndCors() {
        Set<String> ingressAnnotations = Set.of(
                "nginx.ingress.kubernetes.io/enable-cors",
                "nginx.ingress.kubernetes.io/cors-allow-origin",
                "nginx.ingress.kubernetes.io/ssl-redirect");
        List<Map<String, Object>> base = render(BASE);
        for (Path overlay : List.of(DEV, PROD)) {
            List<Map<String, Object>> rendered = render(overlay);
            Set<String> baseKeys = base.stream().map(r -> key(r)).collect(Collectors.toSet());
            Set<String> overlayKeys = rendered.stream().map(r -> key(r)).collect(Collectors.toSet());
            assertTrue(baseKeys.containsAll(overlayKeys), overlay + " adds no resources");
            Set<String> dropped = new TreeSet<>(baseKeys);
            dropped.removeAll(overlayKeys);
            assertEquals(
                    overlay.equals(DEV)
                            ? Set.of("HorizontalPodAutoscaler/bakery-alerts", "PodDisruptionBudget/bakery-alerts")
                            : Set.of(),
                    dropped,
                    overlay + " drops only what one embedded pod must not have");
            for (Map<String, Object> resource : rendered) {
                Map<String, Object> original = base.stream()
                        .filter(r -> key(r).equals(key(resource)))
                        .findFirst()
                        .orElseThrow();
                Map<String, Object> expected = deepCopy(original);
                Map<String, Object> actual = deepCopy(resource);
                cast(actual.get("metadata")).remove("namespace");
                switch (kind(resource)) {
                    case "Deployment" -> {
                        cast(expected.get("spec")).remove("replicas");
                        cast(actual.get("spec")).remove("replicas");
                        serverContainer(expected).remove("image");
                        serverContainer(actual).remove("image");
                        if (overlay.equals(DEV)) {
                            serverContainer(expected)
                                    .put(
                                            "env",
                                            list(serverContainer(expected).get("env")).stream()
                                                    .filter(e -> !REAL_SERVICES_SECRETS.contains(cast(e).get("name")))
                                                    .toList());
                        }
                    }
                    case "HorizontalPodAutoscaler" -> {
                        for (String field : List.of("minReplicas", "maxReplicas")) {
                            cast(expected.get("spec")).remove(field);
                            cast(actual.get("spec")).remove(field);
                        }
                    }
                    case "ConfigMap" -> {
                        assertEquals(
                                cast(original.get("data")).keySet(),
                                cast(resource.get("data")).keySet(),
                                overlay + " sets values of the base's settings, adds none");
                        expected.remove("data");
                        actual.remove("data");
                    }
                    case "Ingress" -> {
                        for (Map<String, Object> ingress : List.of(expected, actual)) {
                            cast(ingress.get("spec")).remove("tls");
                            for (Object rule : list(cast(ingress.get("spec")).get("rules"))) {
                                cast(rule).remove("host");
                            }
                            cast(cast(ingress.get("metadata")).get("annotations"))
                                    .keySet()
                                    .removeAll(ingressAnnotations);
                        }
                    }
                    default -> {}
                }
                assertEquals(expected, actual, overlay + ": " + key(resource) + " differs from base beyond its part");
            }
        }

        List<Map<String, Object>> prod = render(PROD);
        List<Map<String, Object>> gateway = render(GATEWAY_API);
        assertEquals(
                prod.stream().filter(r -> !kind(r).equals("Ingress")).toList(),
                gateway.stream().filter(r -> !kind(r).equals("HTTPRoute")).toList(),
                "gateway-api is prod with an HTTPRoute in place of the Ingress");
    }

    @Test
    void theOpenLibertyApplicationValidatesAgainstTheOperatorsCrdSchema() throws IOException {
        OperatorSchema schema =
                new OperatorSchema(Path.of("src/test/resources/kubernetes/openlibertyapplication-v1.schema.json"));
        Map<String, Object> application = operatorApplication();
        assertEquals(List.of(), schema.errors(application));

        // The schema is strict (unknown fields are errors, not silently pruned): a typo fails.
        Map<String, Object> typo = deepCopy(application);
        cast(typo.get("spec")).put("manageTls", false);
        assertFalse(schema.errors(typo).isEmpty(), "a misspelled field fails validation");
    }

    @Test
    void theOpenLibertyApplicationKeepsTlsOffAndDeploysWhatProdDeploys() {
        Map<String, Object> spec = specOf(operatorApplication());
        // Present and false: absent means true, which moves the Service and the probes to 9443.
        assertEquals(Boolean.FALSE, spec.get("manageTLS"));
        assertEquals(9080, cast(spec.get("service")).get("port"));
        assertEquals(Boolean.TRUE, spec.get("expose"));
        Map<String, Object> probes = cast(spec.get("probes"));
        Map<String, String> paths =
                Map.of("startup", "/health/started", "readiness", "/health/ready", "liveness", "/health/live");
        paths.forEach((probe, path) -> {
            Map<String, Object> httpGet = cast(cast(probes.get(probe)).get("httpGet"));
            assertEquals(path, httpGet.get("path"), probe);
            assertEquals(9080, httpGet.get("port"), probe);
            assertEquals("HTTP", httpGet.get("scheme"), probe);
        });

        List<HasMetadata> prod = typed(PROD);
        Deployment deployment = one(prod, Deployment.class);
        Container server =
                deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(server.getImage(), spec.get("applicationImage"), "the operator runs the image prod runs");
        assertEquals(deployment.getSpec().getReplicas(), spec.get("replicas"));
        assertEquals(
                SERIALIZATION.convertValue(server.getEnv(), List.class),
                spec.get("env"),
                "the same variables from the same Secrets as prod");
        assertEquals(
                one(prod, ConfigMap.class).getData(),
                one(typed(OPERATOR), ConfigMap.class).getData(),
                "kubernetes/operator/configmap.yaml holds the prod overlay's settings");
        assertEquals(
                SERIALIZATION.convertValue(server.getVolumeMounts(), List.class),
                spec.get("volumeMounts"),
                "the same writable directories as the Deployment");
    }

    @Test
    void theContainerfileBuildsOnTheOfficialKernelSlimImageAndPlacesWhatServerXmlLoads() throws IOException {
        String containerfile = Files.readString(Path.of("Containerfile"));
        assertTrue(containerfile.contains(
                "FROM icr.io/appcafe/open-liberty:26.0.0.3-kernel-slim-java17-openj9-ubi-minimal"));
        assertTrue(containerfile.contains("features.sh"));
        assertTrue(containerfile.contains("configure.sh"));
        assertTrue(containerfile.contains("\nUSER 1001\n"));
        String serverXml = Files.readString(Path.of("src/main/liberty/config/server.xml"));
        Matcher war =
                Pattern.compile("<webApplication[^>]*location=\"([^\"]+)\"").matcher(serverXml);
        assertTrue(war.find());
        assertTrue(containerfile.contains("/config/apps/" + war.group(1)), "the WAR lands where server.xml looks");
        assertTrue(containerfile.contains("COPY --chown=1001:0 src/main/liberty/config/ /config/"));
        String rabbitmq = Files.readString(Path.of("src/main/liberty/config/messaging-rabbitmq.xml"));
        assertTrue(rabbitmq.contains("${shared.resource.dir}/rabbitmq/rabbitmq-ra.rar"));
        assertTrue(containerfile.contains("/opt/ol/wlp/usr/shared/resources/rabbitmq/"));
        assertTrue(containerfile.contains("/opt/ol/wlp/usr/shared/resources/jdbc/"));
    }

    /**
     * features.sh installs the features of the configuration the image starts with (the defaults);
     * those of every other include server.xml can choose (db-*, messaging-*, admin-center-*) must be
     * in the Containerfile's build-time list, or switching a mode by a variable fails at run time.
     */
    @Test
    void theContainerfileInstallsTheFeaturesOfEveryIncludeServerXmlCanChoose() throws IOException {
        String containerfile = Files.readString(Path.of("Containerfile"));
        Pattern feature = Pattern.compile("<feature>([^<]+)</feature>");
        Set<String> needed = new TreeSet<>();
        try (var files = Files.list(Path.of("src/main/liberty/config"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")
                            && !f.getFileName().toString().equals("server.xml"))
                    .toList()) {
                Matcher m = feature.matcher(Files.readString(file));
                while (m.find()) {
                    needed.add(m.group(1));
                }
            }
        }
        assertTrue(needed.contains("adminCenter-1.0"), needed.toString());
        for (String name : needed) {
            assertTrue(
                    containerfile.contains("'    <feature>" + name + "</feature>'"),
                    name + " is missing from the Containerfile's build-time feature list");
        }
    }

    /**
     * The operator's CRD schema, made strict: Kubernetes prunes fields a structural schema does
     * not declare (so a misspelled field is silently dropped); here every object that declares its
     * properties (and does not preserve unknown fields) rejects others.
     */
    static final class OperatorSchema {

        private static final ObjectMapper JSON = new ObjectMapper();
        private final Schema schema;

        OperatorSchema(Path file) throws IOException {
            Map<String, Object> document = cast(JSON.readValue(file.toFile(), Map.class));
            strict(document);
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(JSON.writeValueAsString(document), InputFormat.JSON);
        }

        List<String> errors(Map<String, Object> resource) {
            return schema.validate(JSON.writeValueAsString(resource), InputFormat.JSON).stream()
                    .map(Object::toString)
                    .toList();
        }

        private static void strict(Map<String, Object> node) {
            // Kubernetes' own keywords mean nothing to a JSON Schema validator (which would warn).
            node.keySet()
                    .removeIf(k -> k.startsWith("x-kubernetes-") && !k.equals("x-kubernetes-preserve-unknown-fields")
                            || k.equals("$comment"));
            if (node.get("properties") instanceof Map<?, ?> properties) {
                if (!node.containsKey("additionalProperties")
                        && !Boolean.TRUE.equals(node.get("x-kubernetes-preserve-unknown-fields"))) {
                    node.put("additionalProperties", false);
                }
                properties.values().forEach(p -> strict(cast(p)));
            }
            node.remove("x-kubernetes-preserve-unknown-fields");
            for (String key : List.of("items", "additionalProperties")) {
                if (node.get(key) instanceof Map<?, ?> child) {
                    strict(cast(child));
                }
            }
            for (String key : List.of("anyOf", "allOf", "oneOf")) {
                if (node.get(key) instanceof List<?> children) {
                    children.forEach(c -> strict(cast(c)));
                }
            }
        }
    }

    // --- rendering (the subset of kustomize the kustomizations use) ---------------------------

    private static final Set<String> RENDERED_FIELDS =
            Set.of("apiVersion", "kind", "namespace", "resources", "patches", "images");

    static List<Map<String, Object>> render(Path directory) {
        Map<String, Object> kustomization = read(directory.resolve("kustomization.yaml"));
        Set<String> unsupported = new TreeSet<>(kustomization.keySet());
        unsupported.removeAll(RENDERED_FIELDS);
        assertEquals(Set.of(), unsupported, directory + ": kustomization fields this test does not render");

        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object entry : list(kustomization.getOrDefault("resources", List.of()))) {
            Path path = directory.resolve((String) entry).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(render(path));
            } else {
                resources.add(read(path));
            }
        }
        for (Object entry : list(kustomization.getOrDefault("patches", List.of()))) {
            Map<String, Object> patchEntry = cast(entry);
            assertEquals(Set.of("path"), patchEntry.keySet(), directory + ": only strategic-merge patches by path");
            Map<String, Object> patch = read(directory.resolve((String) patchEntry.get("path")));
            int target = -1;
            for (int i = 0; i < resources.size(); i++) {
                if (key(resources.get(i)).equals(key(patch))) {
                    target = i;
                }
            }
            assertTrue(target >= 0, directory + ": the patch " + patchEntry.get("path") + " matches no resource");
            if ("delete".equals(patch.get("$patch"))) {
                resources.remove(target);
            } else {
                resources.set(target, cast(merge(resources.get(target), patch)));
            }
        }
        for (Object entry : list(kustomization.getOrDefault("images", List.of()))) {
            Map<String, Object> image = cast(entry);
            assertTrue(
                    Set.of("name", "newName", "newTag").containsAll(image.keySet()),
                    directory + ": images with name, newName, newTag");
            resources.stream().filter(r -> kind(r).equals("Deployment")).forEach(deployment -> {
                Map<String, Object> container = serverContainer(deployment);
                String[] current = ((String) container.get("image")).split(":", 2);
                if (current[0].equals(image.get("name"))) {
                    container.put(
                            "image",
                            image.getOrDefault("newName", current[0]) + ":"
                                    + image.getOrDefault("newTag", current.length > 1 ? current[1] : "latest"));
                }
            });
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            resources.forEach(r -> cast(r.get("metadata")).put("namespace", namespace));
        }
        return resources;
    }

    /**
     * Kubernetes' strategic merge as far as these patches need it: maps merge, lists of named
     * items (containers, env, volumes) merge by name with {@code $patch: delete}, other lists and
     * values are replaced.
     */
    static Object merge(Object original, Object patch) {
        if (original instanceof Map<?, ?> o && patch instanceof Map<?, ?> p) {
            Map<String, Object> merged = new LinkedHashMap<>(cast(o));
            cast(p).forEach((key, value) -> {
                if (key.startsWith("$")) {
                    return;
                }
                if (value == null) {
                    merged.remove(key);
                } else {
                    merged.put(key, merged.containsKey(key) ? merge(merged.get(key), value) : value);
                }
            });
            return merged;
        }
        if (original instanceof List<?> o && patch instanceof List<?> p && named(o) && named(p)) {
            List<Object> merged = new ArrayList<>(o);
            for (Object item : p) {
                Map<String, Object> patchItem = cast(item);
                int index = -1;
                for (int i = 0; i < merged.size(); i++) {
                    if (Objects.equals(cast(merged.get(i)).get("name"), patchItem.get("name"))) {
                        index = i;
                    }
                }
                if ("delete".equals(patchItem.get("$patch"))) {
                    assertTrue(index >= 0, "deletes an item that exists: " + patchItem.get("name"));
                    merged.remove(index);
                } else if (index >= 0) {
                    merged.set(index, merge(merged.get(index), patchItem));
                } else {
                    merged.add(patchItem);
                }
            }
            return merged;
        }
        return patch;
    }

    private static boolean named(List<?> items) {
        return !items.isEmpty() && items.stream().allMatch(i -> i instanceof Map<?, ?> m && m.containsKey("name"));
    }

    static List<HasMetadata> typed(Path kustomization) {
        return render(kustomization).stream()
                .map(resource -> (HasMetadata) SERIALIZATION.unmarshal(YAML.writeValueAsString(resource)))
                .toList();
    }

    // --- helpers --------------------------------------------------------------------------------

    private static Map<String, Object> operatorApplication() {
        return render(OPERATOR).stream()
                .filter(r -> kind(r).equals("OpenLibertyApplication"))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, Object> specOf(Map<String, Object> resource) {
        return cast(resource.get("spec"));
    }

    private static void assertProbe(Probe probe, String path, Container container, int port, String where) {
        assertNotNull(probe, where);
        assertEquals(path, probe.getHttpGet().getPath(), where);
        assertEquals(port, containerPort(container, probe.getHttpGet().getPort()), where + " port");
        assertTrue(
                probe.getHttpGet().getScheme() == null
                        || "HTTP".equals(probe.getHttpGet().getScheme()),
                where);
    }

    /** A numeric port, or the number of the container port with that name. */
    private static int containerPort(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream()
                .filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()));
    }

    private static String serverVariable(String serverXml, String name) {
        Matcher variable = Pattern.compile("<variable name=\"" + Pattern.quote(name) + "\" defaultValue=\"([^\"]+)\"")
                .matcher(serverXml);
        assertTrue(variable.find(), "server.xml variable " + name);
        return variable.group(1);
    }

    /** The names in the first column of README.md's Configuration table. */
    static Set<String> readmeConfigurationVariables() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## Configuration\n");
        assertTrue(start >= 0, "README.md has a Configuration section");
        int end = readme.indexOf("\n## ", start + 1);
        Set<String> names = new TreeSet<>();
        Matcher name = Pattern.compile("`([A-Z][A-Z0-9_]*)`").matcher("");
        for (String line :
                readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            if (line.startsWith("| `")) {
                name.reset(line.split("\\|")[1]);
                while (name.find()) {
                    names.add(name.group(1));
                }
            }
        }
        assertTrue(names.size() > 20, "the table was read: " + names);
        return names;
    }

    /** The variables a resource sets: a ConfigMap's keys (all are loaded with envFrom), env names. */
    private static Set<String> environmentNames(HasMetadata resource) {
        Set<String> names = new TreeSet<>();
        if (resource instanceof ConfigMap configMap) {
            names.addAll(configMap.getData().keySet());
        } else if (resource instanceof Deployment deployment) {
            var pod = deployment.getSpec().getTemplate().getSpec();
            Stream.concat(
                            pod.getContainers().stream(),
                            pod.getInitContainers() == null ? Stream.empty() : pod.getInitContainers().stream())
                    .flatMap(c -> c.getEnv() == null ? Stream.empty() : c.getEnv().stream())
                    .map(EnvVar::getName)
                    .forEach(names::add);
        } else if (resource instanceof GenericKubernetesResource generic) {
            Object env = cast(generic.getAdditionalProperties().get("spec")).get("env");
            if (env != null) {
                list(env).forEach(e -> names.add((String) cast(e).get("name")));
            }
        }
        return names;
    }

    private static List<EnvVar> env(Deployment deployment) {
        return deployment
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv();
    }

    private static Map<String, Object> serverContainer(Map<String, Object> deployment) {
        Map<String, Object> pod =
                cast(cast(cast(deployment.get("spec")).get("template")).get("spec"));
        return cast(list(pod.get("containers")).get(0));
    }

    private static <T extends HasMetadata> T one(List<HasMetadata> resources, Class<T> type) {
        List<T> found =
                resources.stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), "one " + type.getSimpleName());
        return found.get(0);
    }

    private static String name(HasMetadata resource) {
        return resource.getMetadata().getName();
    }

    private static String kind(Map<String, Object> resource) {
        return (String) resource.get("kind");
    }

    private static String key(Map<String, Object> resource) {
        return kind(resource) + "/" + cast(resource.get("metadata")).get("name");
    }

    /**
     * Fields a fabric8 model kept aside because the Kubernetes type has no such field (a typo, or a
     * field of another API version), anywhere in the object.
     */
    private static void collectUnknownFields(Object value, String path, List<String> unknown) {
        if (value == null
                || value instanceof String
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknownFields(v, path + "." + k, unknown));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        Predicate<Method> getter = m -> Modifier.isPublic(m.getModifiers())
                && !Modifier.isStatic(m.getModifiers())
                && m.getParameterCount() == 0
                && m.getName().startsWith("get")
                && !m.getName().equals("getClass");
        for (Method method : value.getClass().getMethods()) {
            if (!getter.test(method)) {
                continue;
            }
            try {
                Object field = method.invoke(value);
                if (method.getName().equals("getAdditionalProperties")) {
                    if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + ": " + extra.keySet());
                    }
                } else {
                    collectUnknownFields(field, path + "." + method.getName().substring(3), unknown);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(method.toString(), e);
            }
        }
    }

    static Map<String, Object> read(Path file) {
        return cast(YAML.readValue(file.toFile(), Map.class));
    }

    private static Map<String, Object> deepCopy(Map<String, Object> resource) {
        return cast(YAML.readValue(YAML.writeValueAsString(resource), Map.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object list) {
        return (List<Object>) list;
    }
}
