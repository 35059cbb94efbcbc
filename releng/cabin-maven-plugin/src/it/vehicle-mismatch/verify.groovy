// The build failed with the located error of the agent, and wrote no package.
def log = new File(basedir, 'build.log').text
assert log.contains('car-genius.cabin:5:17: error: CarGenius speaks zh-CN, which the Lynx C (EU) does not support')
assert log.contains('cabin export failed; the errors are above')
assert !new File(basedir, 'target/vehicle-mismatch-1.0.0.cabinpkg').exists()
return true
