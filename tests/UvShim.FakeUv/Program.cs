using UvShim.FakeUv;

return FakeUv.Run(args);
