package dev.ringside.engine.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle's schedule, with the time given in nanoseconds. */
class ThrottleTest {

    private static final long MS = 1_000_000L;

    @Test
    void withoutALimitNothingWaitsAndPagesKeepTheirSize() {
        Throttle off = new Throttle(0);
        off.record(1_000_000, 0);
        assertThat(off.active()).isFalse();
        assertThat(off.delay(0)).isZero();
        assertThat(off.pageSize(5000)).isEqualTo(5000);
    }

    @Test
    void eachPageAddsItsRowsWorthOfTimeToTheSchedule() {
        Throttle throttle = new Throttle(1000);
        assertThat(throttle.active()).isTrue();
        assertThat(throttle.delay(0)).isZero();

        throttle.record(100, 0);
        assertThat(throttle.delay(0)).isEqualTo(100 * MS);
        assertThat(throttle.delay(40 * MS)).isEqualTo(60 * MS);
        assertThat(throttle.delay(100 * MS)).isZero();
        assertThat(throttle.delay(500 * MS)).isZero();

        // A page that arrives before the schedule caught up queues behind it.
        throttle.record(50, 20 * MS);
        assertThat(throttle.delay(20 * MS)).isEqualTo(130 * MS);
    }

    @Test
    void idleTimeIsNotSavedUpForABurst() {
        Throttle throttle = new Throttle(1000);
        throttle.record(100, 0);
        throttle.record(100, 10_000 * MS);
        assertThat(throttle.delay(10_000 * MS)).isEqualTo(100 * MS);
    }

    @Test
    void emptyPagesCostNothing() {
        Throttle throttle = new Throttle(1000);
        throttle.record(0, 0);
        throttle.record(-5, 0);
        assertThat(throttle.delay(0)).isZero();
    }

    @Test
    void aLargeLimitKeepsNanosecondPrecision() {
        Throttle throttle = new Throttle(3_000_000);
        throttle.record(1, 0);
        assertThat(throttle.delay(0)).isEqualTo(333);
        throttle.record(3_000_000, 0);
        assertThat(throttle.delay(0)).isEqualTo(1_000_000_333L);
    }

    @Test
    void pagesHoldAtMostATenthOfASecondsRowsAndAtLeastFifty() {
        assertThat(new Throttle(1000).pageSize(5000)).isEqualTo(100);
        assertThat(new Throttle(1_000_000).pageSize(5000)).isEqualTo(5000);
        assertThat(new Throttle(100).pageSize(5000)).isEqualTo(50);
        assertThat(new Throttle(1).pageSize(5000)).isEqualTo(50);
    }
}
