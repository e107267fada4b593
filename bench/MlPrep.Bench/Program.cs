using BenchmarkDotNet.Running;
using MlPrep.Bench;

// `generate` writes a synthetic content folder, `practice-db` a practice database; everything else goes to BenchmarkDotNet
// (no arguments: run every benchmark, instead of BenchmarkDotNet's interactive prompt).
if (args is ["generate", .. var rest])
{
    return GenerateCommand.Run(rest);
}

// `practice-db DIR` writes the practice benchmark's database (100,000 review-log rows) for bench/load/progress.sh.
if (args is ["practice-db", var folder])
{
    return await PracticeBenchmarks.CreateAsync(folder);
}

// `probe SIZE TEXT...` times the steps of a search on the benchmark database of that size.
if (args is ["probe", var size, .. var texts])
{
    return await ProbeCommand.RunAsync(int.Parse(size, System.Globalization.CultureInfo.InvariantCulture), texts);
}

BenchmarkSwitcher.FromAssembly(typeof(SearchBenchmarks).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args);
return 0;
