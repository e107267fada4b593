using BenchmarkDotNet.Running;
using MlPrep.Bench;

// `generate` writes a synthetic content folder; everything else goes to BenchmarkDotNet
// (no arguments: run every benchmark, instead of BenchmarkDotNet's interactive prompt).
if (args is ["generate", .. var rest])
{
    return GenerateCommand.Run(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(SearchBenchmarks).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args);
return 0;
