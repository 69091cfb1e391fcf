package vn.povertyreview.ingest.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void isVietnameseUnlessTheClientPrefersEnglish() {
        assertThat(Language.fromAcceptLanguage(null)).isEqualTo(Language.VI);
        assertThat(Language.fromAcceptLanguage("vi-VN,vi;q=0.9,en;q=0.8")).isEqualTo(Language.VI);
        assertThat(Language.fromAcceptLanguage("en-GB")).isEqualTo(Language.EN);
        assertThat(Language.fromAcceptLanguage("fr-FR,en;q=0.5")).isEqualTo(Language.EN);
        assertThat(Language.fromAcceptLanguage("fr-FR")).isEqualTo(Language.VI);
    }

    @Test
    void treatsAMalformedHeaderAsNoPreference() {
        assertThat(Language.fromAcceptLanguage("en;q=banana")).isEqualTo(Language.VI);
    }
}
