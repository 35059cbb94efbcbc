// The package was built, installed like any artifact, and `cabin verify` accepts it.
def pkg = new File(basedir, 'target/car-build-1.2.0.cabinpkg')
assert pkg.isFile() : 'no package at ' + pkg

def log = new File(basedir, 'build.log').text
assert log.contains('1 file checked: 0 errors')
assert log.contains('[5/5] packaging and signing')

def installed = new File(localRepositoryPath, 'dev/cabin/it/car-build/1.2.0/car-build-1.2.0.cabinpkg')
assert installed.isFile() : 'the package was not installed with the project'

def java = new File(System.getProperty('java.home'), 'bin/java').path
def toolchain = new File(basedir, 'target/cabin-toolchain/plugins').path + '/*'
def verify = [java, '-cp', toolchain, 'dev.cabin.cli.Main', 'verify', pkg.path,
              '--trust', new File(basedir, 'target/keys/signing.pub').path].execute()
def out = new StringBuilder(), err = new StringBuilder()
verify.waitForProcessOutput(out, err)
assert verify.exitValue() == 0 : "cabin verify refused the package:\n$out$err"
assert out.toString().contains('valid: version 1.2.0, agents CarGenius, for aurora-s-cn')
return true
