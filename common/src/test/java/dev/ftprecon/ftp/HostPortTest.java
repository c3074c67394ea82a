package dev.ftprecon.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostPortTest {

  @Test
  void ipv6TextIsNormalisedSoEqualAddressesCompareEqual() {
    assertThat(new HostPort("2001:DB8:0:0::1", 21)).isEqualTo(new HostPort("2001:db8::1", 21));
    assertThat(new HostPort("2001:DB8:0:0::1", 21).ip()).isEqualTo("2001:db8::1");
  }

  @Test
  void portsZeroAnd65535AreInRange() {
    assertThat(new HostPort("10.0.0.1", 0).port()).isZero();
    assertThat(new HostPort("10.0.0.1", 65535).port()).isEqualTo(65535);
  }

  @Test
  void port65536IsRejected() {
    assertThatThrownBy(() -> new HostPort("10.0.0.1", 65536))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNegativePortIsRejected() {
    assertThatThrownBy(() -> new HostPort("10.0.0.1", -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aHostNameIsRejected() {
    assertThatThrownBy(() -> new HostPort("ftp.example.com", 21))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNullIpIsRejected() {
    assertThatThrownBy(() -> new HostPort(null, 21)).isInstanceOf(NullPointerException.class);
  }
}
