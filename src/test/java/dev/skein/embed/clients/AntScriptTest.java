package dev.skein.embed.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tools.ant.BuildException;
import org.apache.tools.ant.DefaultLogger;
import org.apache.tools.ant.Project;
import org.apache.tools.ant.ProjectHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache Ant 1.10 runs Skein through javax.script, as a build file would: {@code <script>} uses
 * the {@code project} and {@code self} objects Ant binds, {@code <scriptdef>} counts its nested
 * elements. The build file is the one docs/embedding.md shows.
 */
class AntScriptTest {
    @TempDir Path dir;

    private Project run(String buildXml, String target, StringBuilder log) throws Exception {
        Path file = dir.resolve("build.xml");
        Files.writeString(file, buildXml);
        Files.createDirectories(dir.resolve("src/a"));
        Files.writeString(dir.resolve("src/a/one.txt"), "1");
        Files.writeString(dir.resolve("src/two.txt"), "2");
        Project project = new Project();
        project.addBuildListener(new DefaultLogger() {
            {
                setMessageOutputLevel(Project.MSG_INFO);
            }
            @Override protected void printMessage(String message, java.io.PrintStream stream, int priority) { log.append(message.trim()).append('\n'); }
        });
        project.setUserProperty("ant.file", file.toString());
        project.init();
        project.setBaseDir(dir.toFile());
        ProjectHelper.configureProject(project, file.toFile());
        project.executeTarget(target);
        return project;
    }

    @Test void scriptSetsAPropertyThroughProjectAndReadsSelf() throws Exception {
        StringBuilder log = new StringBuilder();
        Project p = run(DocExamples.ANT_BUILD_XML, "greet", log);
        assertEquals("hello from script in target greet", p.getProperty("greeting"));
        assertTrue(log.toString().contains("[echo] hello from script in target greet"), log.toString());
        assertTrue(log.toString().contains("<java org.apache.tools.ant.Project>"), log.toString());
    }

    @Test void scriptdefCountsItsNestedElements() throws Exception {
        StringBuilder log = new StringBuilder();
        Project p = run(DocExamples.ANT_BUILD_XML, "count", log);
        assertEquals("2 filesets, 2 files", p.getProperty("counted"));
        assertTrue(log.toString().contains("[echo] 2 filesets, 2 files"), log.toString());
    }

    @Test void aScriptErrorFailsTheBuildWithTheSkeinLocation() throws Exception {
        // the script's line 1 is the empty rest of the <script> line
        String xml = """
                <project name="bad" default="t">
                  <target name="t">
                    <script language="skein" manager="javax">
                let x = 1
                project.setNewProperty("only one argument")
                    </script>
                  </target>
                </project>
                """;
        BuildException e = assertThrows(BuildException.class, () -> run(xml, "t", new StringBuilder()));
        String all = e.getMessage() + " " + (e.getCause() == null ? "" : e.getCause().getMessage());
        assertTrue(all.contains("TypeError") && all.contains("setNewProperty") && all.contains("<eval>:3:"), all);
    }
}
