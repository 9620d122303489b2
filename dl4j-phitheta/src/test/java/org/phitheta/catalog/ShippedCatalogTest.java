package org.phitheta.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phitheta.activation.PhiThetaVariant;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShippedCatalogTest {

    @Test
    void everyCatalogThetaHasBothVariantsWithinTheTarget() {
        // the target: KS <= 1e-3 for every catalog theta, both variants (stored KS values are checked
        // against the quadrature by GaussianityDefectTest)
        for (double theta : CatalogRegeneration.CATALOG_THETAS) {
            for (PhiThetaVariant variant : PhiThetaVariant.values()) {
                CatalogEntry e = PhiThetaCatalog.shipped().find(theta, variant).orElseThrow(
                        () -> new AssertionError("missing " + variant.label() + " theta=" + theta));
                assertTrue(e.getKs() <= 1e-3, e.toString());
            }
        }
    }

    @Test
    void fittedEntriesRecordWhatTheyReplaced() {
        for (CatalogEntry e : PhiThetaCatalog.shipped().entries()) {
            if (e.getProvenance().startsWith("fitted by phitheta")) {
                Object replaced = e.getDetails().get("replaced_ks");
                if (replaced != null) {
                    // an entry is replaced only where the new KS is lower
                    assertTrue(e.getKs() < ((Number) replaced).doubleValue(), e.toString());
                }
                assertTrue(e.getProvenance().matches("fitted by phitheta \\S+, seed \\d+, \\d{4}-\\d{2}-\\d{2}"),
                        e.getProvenance());
            } else {
                assertTrue(e.getProvenance().startsWith("published"), e.getProvenance());
            }
        }
    }

    @Test
    void jsonRoundTripKeepsEntriesAndDetails(@TempDir Path dir) throws IOException {
        PhiThetaCatalog shipped = PhiThetaCatalog.shipped();
        Path file = dir.resolve("sub").resolve("catalog.json");
        shipped.writeTo(file);
        PhiThetaCatalog back;
        try (InputStream in = Files.newInputStream(file)) {
            back = PhiThetaCatalog.read(in, file.toString());
        }
        assertEquals(shipped.entries().size(), back.entries().size());
        for (int i = 0; i < shipped.entries().size(); i++) {
            CatalogEntry a = shipped.entries().get(i);
            CatalogEntry b = back.entries().get(i);
            assertEquals(a.getParameters(), b.getParameters());
            assertEquals(a.getKs(), b.getKs(), 0.0);
            assertEquals(a.getProvenance(), b.getProvenance());
            assertEquals(a.getDetails(), b.getDetails());
        }
        assertTrue(Files.readString(file).contains("\"format\" : \"" + PhiThetaCatalog.FORMAT + "\""));
    }

    @Test
    void readerAcceptsExtraFields() throws IOException {
        String json = "{\"format\":\"phitheta-catalog/1\",\"tool\":\"x\",\"entries\":[{\"theta\":3.5,\"variant\":\"odd\","
                + "\"parameters\":{\"a\":1,\"b\":1,\"c\":1,\"d\":0,\"f\":2,\"g\":0.5},\"ks\":0.001,\"provenance\":\"p\","
                + "\"timings_ms\":{\"density\":12},\"details\":{\"step1_loss\":0.002,\"iterations\":{\"refinement\":40}}}]}";
        PhiThetaCatalog c = PhiThetaCatalog.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
        CatalogEntry e = c.entries().get(0);
        assertEquals(0.002, ((Number) e.getDetails().get("step1_loss")).doubleValue(), 0.0);
        assertEquals(Map.of("refinement", 40), e.getDetails().get("iterations"));
        assertEquals(List.of(3.5), c.thetas(PhiThetaVariant.ODD));
    }
}
