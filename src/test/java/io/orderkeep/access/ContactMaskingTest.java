package io.orderkeep.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.access.domain.ContactMasking;
import org.junit.jupiter.api.Test;

class ContactMaskingTest {

    @Test
    void masksEmailAsTheContractShows() {
        assertThat(ContactMasking.email("li.wei@example.com")).isEqualTo("l***@example.com");
        assertThat(ContactMasking.email("not-an-email")).isEqualTo("***");
        assertThat(ContactMasking.email(null)).isNull();
    }

    @Test
    void masksPhoneAsTheContractShows() {
        assertThat(ContactMasking.phone("+8613800138000")).isEqualTo("+86138****8000");
        assertThat(ContactMasking.phone("+4930123")).isEqualTo("****23");
        assertThat(ContactMasking.phone(null)).isNull();
    }
}
