using Flagon.HttpBenchmarks;

namespace Flagon.EndToEnd.Tests;

/// <summary>
/// The HTTP benchmark reads ab's and wrk's reports; these are their real outputs on this machine (LoadToolOutputs/:
/// raw Kestrel, a path it answers 404, a closed port, a server that drops every other connection).
/// </summary>
public class LoadToolReportTests
{
    private static string Output(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "LoadToolOutputs", name));

    [Fact]
    public void An_ab_report_gives_its_rate_time_and_count()
    {
        var measured = Measurement.FromAb(0, Output("ab-ok.txt"), 200);

        Assert.Equal((200, 0), (measured.Completed, measured.Failed));
        Assert.True(measured.RequestsPerSecond > 100 && measured.MsPerRequest > 0, measured.ToString());
        Assert.Null(measured.Note);
    }

    [Fact]
    public void Non_2xx_answers_count_as_failed_in_ab()
    {
        var measured = Measurement.FromAb(0, Output("ab-404.txt"), 200);

        Assert.Equal((200, 200), (measured.Completed, measured.Failed));
        Assert.Equal(0, measured.RequestsPerSecond);
    }

    [Fact]
    public void A_refused_port_is_all_failed_not_a_fast_server_in_ab()
    {
        // ab -r reports 28,653 requests/s for ten refused connections.
        var measured = Measurement.FromAb(0, Output("ab-refused.txt"), 10);

        Assert.Equal(0, measured.RequestsPerSecond);
        Assert.Equal(15, measured.Failed);
        Assert.Contains("Receive: 10", measured.Note);
    }

    [Fact]
    public void A_wrk_report_gives_its_rate_latency_and_count()
    {
        var measured = Measurement.FromWrk(0, Output("wrk-ok.txt"));

        Assert.Equal((20795.82, 1.11, 22881L, 0L), (measured.RequestsPerSecond, measured.MsPerRequest, measured.Completed, measured.Failed));
    }

    [Fact]
    public void Wrk_socket_errors_and_non_2xx_answers_count_as_failed()
    {
        var dropped = Measurement.FromWrk(0, Output("wrk-errors.txt"));
        var missing = Measurement.FromWrk(0, Output("wrk-404.txt"));

        Assert.Equal((4823L, 9645L, 0.22752), (dropped.Completed, dropped.Failed, Math.Round(dropped.MsPerRequest, 5)));
        Assert.Equal("connect 0, read 9645, write 0, timeout 0", dropped.Note);
        Assert.Equal((22097L, 22097L), (missing.Completed, missing.Failed));
        Assert.Contains("22097 non-2xx/3xx", missing.Note);
    }

    [Fact]
    public void Wrk_that_could_not_connect_is_a_failure()
    {
        var measured = Measurement.FromWrk(1, Output("wrk-refused.txt"));

        Assert.Equal(0, measured.RequestsPerSecond);
        Assert.True(measured.Failed > 0);
        Assert.Contains("Connection refused", measured.Note);
    }
}
