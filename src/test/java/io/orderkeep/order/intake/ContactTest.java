package io.orderkeep.order.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactTest {

    @Test
    void emailIsTrimmedAndItsDomainLowerCased() {
        assertThat(Contact.email("  Li.Wei@Example.COM ")).hasValue("Li.Wei@example.com");
    }

    @Test
    void emailWithoutDomainOrWithBadCharactersIsRejected() {
        assertThat(Contact.email("li.wei")).isEmpty();
        assertThat(Contact.email("li@localhost")).isEmpty();
        assertThat(Contact.email("li wei@example.com")).isEmpty();
        assertThat(Contact.email("li..wei@example.com")).isEmpty();
        assertThat(Contact.email("li@-example.com")).isEmpty();
    }

    @Test
    void phoneIsNormalisedToE164WithTheShippingCountryAsDefaultRegion() {
        assertThat(Contact.phone("+86 138 0013 8000", null)).hasValue("+8613800138000");
        assertThat(Contact.phone("138 0013 8000", "CN")).hasValue("+8613800138000");
        assertThat(Contact.phone("(202) 555-0143", "US")).isPresent();
        assertThat(Contact.phone("138 0013 8000", null)).isEmpty();
        assertThat(Contact.phone("12", "CN")).isEmpty();
    }
}
