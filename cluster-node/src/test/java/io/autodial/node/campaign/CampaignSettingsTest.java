package io.autodial.node.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignSettingsTest {
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private static CampaignSettings with(CampaignSettings.Pacing pacing, CampaignSettings.Machines machines) {
    return new CampaignSettings("c", "+12125550000", 1.0, 10, 20, List.of(), "", null, List.of(), pacing, machines, null);
  }

  @Test
  void settingsStoredBeforeModesExistedReadAsPowerWithAmdOn() throws Exception {
    // as the campaigns read model held them before the pacing and machines fields
    String old = "{\"name\":\"old\",\"callerId\":\"+12125550000\",\"multiplier\":2.0,\"maxConcurrentCalls\":5,"
        + "\"ringTimeoutSeconds\":20,\"dispositions\":[],\"script\":\"\",\"leadsetIds\":[1]}";
    CampaignSettings s = JSON.readValue(old, CampaignSettings.class);
    assertThat(s.mode()).isEqualTo(DialMode.POWER);
    assertThat(s.pacing()).isEqualTo(new CampaignSettings.Pacing(DialMode.POWER, 2.5, 3.0, 3.0, 10));
    assertThat(s.machines().amd()).isTrue();
    assertThat(s.machines().action()).isEqualTo(CampaignSettings.MachineAction.HANGUP);
    // and they are written back the same way
    assertThat(JSON.readValue(JSON.writeValueAsString(s), CampaignSettings.class)).isEqualTo(s);
  }

  @Test
  void invalidModesAndMessagesAreRefusedWithWhatToFix() {
    assertThatThrownBy(() -> with(new CampaignSettings.Pacing(DialMode.POWER, 2.5, 3.5, 3, 10), null))
        .hasMessageContaining("maxAbandonmentPercent must be at most 3.0");
    assertThatThrownBy(() -> with(new CampaignSettings.Pacing(DialMode.POWER, 2.5, 2.0, 3, 10), null))
        .hasMessageContaining("at least targetAbandonmentPercent");
    assertThatThrownBy(() -> with(new CampaignSettings.Pacing(DialMode.POWER, 2.5, 3.0, 0.5, 10), null)).hasMessageContaining("maxRatio");
    assertThatThrownBy(() -> with(new CampaignSettings.Pacing(DialMode.POWER, 2.5, 3.0, 3, 0), null)).hasMessageContaining("callsPerSecond");
    assertThatThrownBy(() -> with(null, new CampaignSettings.Machines(true, CampaignSettings.MachineAction.LEAVE_MESSAGE, " ", null)))
        .hasMessageContaining("machineMessage");
    assertThatThrownBy(() -> with(new CampaignSettings.Pacing(DialMode.BROADCAST, 2.5, 3.0, 3, 10), null)).hasMessageContaining("humanMessage");
  }

  @Test
  void eachPacedModeBecomesItsPacingPolicy() {
    CampaignSettings power = new CampaignSettings("c", "+12125550000", 2.5, 100, 20, List.of(), "", null, List.of(), null, null, null);
    assertThat(FloorPacing.config(power).fixedRatio()).isEqualTo(2.5);
    CampaignSettings progressive = with(new CampaignSettings.Pacing(DialMode.PROGRESSIVE, 2.5, 3.0, 3, 10), null);
    assertThat(FloorPacing.config(progressive).fixedRatio()).isEqualTo(1.0);
    CampaignSettings settings = with(new CampaignSettings.Pacing(DialMode.PREDICTIVE, 2.0, 2.8, 4, 12), null);
    var predictive = FloorPacing.config(settings);
    assertThat(predictive.predictiveMode()).isTrue();
    assertThat(predictive.targetAbandonment()).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(predictive.maxAbandonment()).isCloseTo(0.028, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(predictive.maxRatio()).isEqualTo(4.0);
    assertThat(predictive.callsPerSecond()).isEqualTo(12.0);
    assertThat(predictive.maxConcurrentCalls()).isEqualTo(settings.maxConcurrentCalls());
  }
}
