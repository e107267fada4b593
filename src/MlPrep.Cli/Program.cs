using MlPrep.Cli.Shared;

return await CliApp.RunAsync(args, CliEnvironment.FromProcess());
