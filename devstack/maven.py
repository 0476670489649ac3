"""JVM servers run from the jars Maven resolves for a pom of ours (Kafka, ElasticMQ): no
tarball download, only `mvn` and a JDK 17+."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from devstack import paths, process
from devstack.process import StackError

INSTALL_TIMEOUT_S = 1800.0


@dataclass(frozen=True)
class MavenRuntime:
    """The runtime classpath of `pom` (a pom.xml under devstack/resources), resolved into
    `tools_dir()/<name>-<version>/lib`. `version_property` names the pom property holding
    the version; `main_jar` (with `{version}`) must be among the jars resolved."""

    name: str
    pom: Path
    version_property: str
    main_jar: str

    @property
    def version(self) -> str:
        tag = re.escape(self.version_property)
        match = re.search(rf"<{tag}>([^<]+)</{tag}>", self._pom_text())
        if match is None:
            raise StackError(f"{self.name}: no <{self.version_property}> in {self.pom}")
        return match.group(1).strip()

    @property
    def install_dir(self) -> Path:
        return paths.tools_dir() / f"{self.name}-{self.version}"

    @property
    def lib_dir(self) -> Path:
        return self.install_dir / "lib"

    @property
    def classpath(self) -> str:
        return f"{self.lib_dir}/*"  # the JVM expands the wildcard itself

    @property
    def _marker(self) -> Path:
        return self.install_dir / ".installed"

    def installed(self) -> bool:
        return self._marker.is_file() and self._marker.read_text().strip() == self._pom_digest()

    def install(self) -> None:
        if self.installed():
            return
        if shutil.which("mvn") is None:
            raise StackError(f"{self.name}: `mvn` not found on PATH (apt-get install -y maven)")
        self.install_dir.mkdir(parents=True, exist_ok=True)
        self._marker.unlink(missing_ok=True)
        self._copy_jars()
        self._marker.write_text(self._pom_digest())

    def _copy_jars(self) -> None:
        """Resolve the runtime into a staging folder, then swap it in whole, so a failed or
        interrupted copy never leaves a half-filled lib/ (stale jars from an older pom would
        otherwise end up on the classpath)."""
        (self.install_dir / "pom.xml").write_text(self._pom_text())
        staging = self.install_dir / "lib.partial"
        shutil.rmtree(staging, ignore_errors=True)
        process.run(
            [
                "mvn",
                "-q",
                "-B",
                "dependency:copy-dependencies",
                "-DincludeScope=runtime",
                f"-DoutputDirectory={staging}",
            ],
            cwd=self.install_dir,
            timeout=INSTALL_TIMEOUT_S,
        )
        main_jar = staging / self.main_jar.format(version=self.version)
        if not main_jar.is_file():
            raise StackError(f"{self.name}: mvn succeeded but {main_jar.name} is missing")
        shutil.rmtree(self.lib_dir, ignore_errors=True)
        staging.rename(self.lib_dir)

    def _pom_text(self) -> str:
        return self.pom.read_text()

    def _pom_digest(self) -> str:
        return hashlib.sha256(self._pom_text().encode()).hexdigest()


def server_jvm_options(min_heap: str, max_heap: str) -> tuple[str, ...]:
    """A small server JVM for a shared 2-core machine: serial GC, C1 only, exit (and so be
    restarted) on OutOfMemoryError instead of limping on."""
    return (
        f"-Xms{min_heap}",
        f"-Xmx{max_heap}",
        "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1",
        "-XX:+ExitOnOutOfMemoryError",
        "-Djava.awt.headless=true",
    )


def java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    found = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if found is None or not Path(found).is_file():
        raise StackError("no `java` found (set JAVA_HOME or install a JDK 17+)")
    return found
