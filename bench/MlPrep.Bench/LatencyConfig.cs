using System.Collections.Immutable;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Mathematics;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Perfolizer.Mathematics.OutlierDetection;

namespace MlPrep.Bench;

/// <summary>Times single calls, keeps every measurement, and reports the median and tail percentiles.</summary>
/// <remarks>BenchmarkDotNet normally times many calls per iteration and drops upper outliers, which gives a
/// precise mean but hides the tail. A request's latency is one call, and its slow calls are the point of a
/// p99 target, so each iteration here is one call and nothing is removed. The benchmarks run in this
/// process, ordered by bank size, so the 100,000-question bank is generated and synced once per run rather
/// than once per benchmark; with 3 warm-up and 15 measured calls a full run stays within about ten minutes
/// even when a call takes seconds. With 15 calls, P95 and P99 are close to the slowest call.</remarks>
public sealed class LatencyConfig : ManualConfig
{
    public LatencyConfig()
    {
        // Two jobs: without and with a forced full garbage collection before each call. BenchmarkDotNet forces
        // one by default, which leaves caches cold for the call after it; a server collects its large heap
        // rarely, so the first job is the steady state and the second a pessimistic bound.
        var singleCall = Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true))
            .WithWarmupCount(3)
            .WithIterationCount(15)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithOutlierMode(OutlierMode.DontRemove);
        AddJob(singleCall.WithGcForce(false).WithId("single-call"));
        AddJob(singleCall.WithGcForce(true).WithId("after-full-gc"));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, new PercentileColumn(99), StatisticColumn.Iterations);
        AddDiagnoser(MemoryDiagnoser.Default);
        Orderer = new BySizeOrderer();
        SummaryStyle = SummaryStyle.Default.WithTimeUnit(TimeUnit.Millisecond);
    }
}

/// <summary>Runs and lists every benchmark of the small bank before those of the large one.</summary>
public sealed class BySizeOrderer : IOrderer
{
    private static readonly DefaultOrderer Default = new(SummaryOrderPolicy.Default, MethodOrderPolicy.Declared);

    public bool SeparateLogicalGroups => Default.SeparateLogicalGroups;

    public IEnumerable<BenchmarkCase> GetExecutionOrder(ImmutableArray<BenchmarkCase> benchmarksCase, IEnumerable<BenchmarkLogicalGroupRule>? order = null) =>
        Default.GetExecutionOrder(benchmarksCase, order).OrderBy(Size);

    public IEnumerable<BenchmarkCase> GetSummaryOrder(ImmutableArray<BenchmarkCase> benchmarksCases, Summary summary) =>
        Default.GetSummaryOrder(benchmarksCases, summary).OrderBy(Size);

    public string? GetHighlightGroupKey(BenchmarkCase benchmarkCase) => Default.GetHighlightGroupKey(benchmarkCase);

    public string? GetLogicalGroupKey(ImmutableArray<BenchmarkCase> allBenchmarksCases, BenchmarkCase benchmarkCase) =>
        Default.GetLogicalGroupKey(allBenchmarksCases, benchmarkCase);

    public IEnumerable<IGrouping<string, BenchmarkCase>> GetLogicalGroupOrder(IEnumerable<IGrouping<string, BenchmarkCase>> logicalGroups, IEnumerable<BenchmarkLogicalGroupRule>? order = null) =>
        Default.GetLogicalGroupOrder(logicalGroups, order);

    private static int Size(BenchmarkCase benchmarkCase) => benchmarkCase.Parameters[nameof(SearchBenchmarks.Questions)] is int size ? size : 0;
}

/// <summary>A percentile of the single-call times, which BenchmarkDotNet has no ready column for beyond P95.</summary>
public sealed class PercentileColumn(int percentile) : IColumn
{
    public string Id => $"{nameof(PercentileColumn)}.P{percentile}";

    public string ColumnName => $"P{percentile}";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    // Right after BenchmarkDotNet's own P95 column.
    public int PriorityInCategory => StatisticColumn.P95.PriorityInCategory;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Time;

    public string Legend => $"{percentile}th percentile: {percentile}% of the timed calls took at most this long";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (summary[benchmarkCase]?.ResultStatistics is not Statistics statistics)
        {
            return "NA";
        }

        var milliseconds = statistics.Percentiles.Percentile(percentile) / 1_000_000.0;
        return milliseconds.ToString("N3", CultureInfo.InvariantCulture) + (style.PrintUnitsInContent ? " ms" : "");
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
