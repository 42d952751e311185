package ua.igov.platform.shell.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ua.igov.platform.shell.internal.DoctorCommand.Check;

class StatusLinkCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://igov.gov.ua/status/{trackingNumber}",
            "https://portal.kyiv.ua:8443/applications/{trackingNumber}?lang=uk",
            "https://[2001:db8::1]/status/{trackingNumber}"})
    void aPublicHttpsAddressIsFine(String pattern) {
        Check check = StatusLinkCheck.of(pattern);
        assertTrue(check.ok());
        assertFalse(check.warning(), check.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://localhost:8181/api/applications/{trackingNumber}",
            "https://LOCALHOST/status/{trackingNumber}",
            "https://127.0.0.1/status/{trackingNumber}",
            "https://[::1]:8443/status/{trackingNumber}",
            "https://0.0.0.0/status/{trackingNumber}",
            "https://portal.localhost/status/{trackingNumber}",
            "https://10.1.2.3/status/{trackingNumber}",
            "https://192.168.0.5/status/{trackingNumber}",
            "https://172.20.0.5/status/{trackingNumber}",
            "https://igov-node-1/status/{trackingNumber}",
            "/api/applications/{trackingNumber}",
            "https://igov.gov.ua/status/{trackingNumber} with a space"})
    void anAddressNoCitizenCanOpenIsAWarningNotAFailure(String pattern) {
        Check check = StatusLinkCheck.of(pattern);
        assertTrue(check.ok(), "the platform works; the doctor must not fail for this");
        assertTrue(check.warning(), check.detail());
        assertTrue(check.detail().contains("etc/ua.igov.platform.core.cfg"), check.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://igov.gov.ua/status/{trackingNumber}", "ftp://igov.gov.ua/{trackingNumber}"})
    void aPublicAddressWithoutHttpsIsAWarning(String pattern) {
        Check check = StatusLinkCheck.of(pattern);
        assertTrue(check.warning());
        assertTrue(check.detail().contains("without HTTPS"), check.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"172.15.0.1", "172.32.0.1", "11.0.0.1", "igov.gov.ua"})
    void publicAddressesNextToPrivateRangesAreNotLocal(String host) {
        assertFalse(StatusLinkCheck.isLocal(host), host);
    }
}
