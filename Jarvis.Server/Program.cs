using Jarvis.Server.Hosting;

return await ServerCommandLine.RunAsync(args);
