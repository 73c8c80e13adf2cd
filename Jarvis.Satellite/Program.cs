using Jarvis.Satellite.Hosting;

return await SatelliteCommandLine.RunAsync(args);
