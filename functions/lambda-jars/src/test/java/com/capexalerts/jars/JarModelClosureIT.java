package com.capexalerts.jars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.testsupport.RepoRoot;
import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.FieldModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.NameAndTypeEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The shade filters keep only some of the SDK's model classes (the parent pom lists them). This reads each function's
 * jar and follows the class references from our code and from the SDK services' internal classes (interceptors that
 * run on every call) into the services' model, paginator and internal packages: every class so reached must be in
 * the jar. When code starts using another operation, this names the classes to add to the pom's lists.
 */
class JarModelClosureIT {
  private static final Pattern SERVICE_CODE =
      Pattern.compile("software/amazon/awssdk/services/\\w+/(model|paginators|internal|jmespath)/.*");
  private static final Pattern SERVICE_INTERNAL = Pattern.compile("software/amazon/awssdk/services/\\w+/internal/.*");

  @Test
  void everyModelClassTheFunctionsReachIsInTheirJars() throws IOException {
    Path repo = RepoRoot.find();
    String version = System.getProperty("capex.version", "0.1.0-SNAPSHOT");
    for (String module : Functions.ALL.stream().map(Functions.Function::module).distinct().toList()) {
      Path jar = LambdaJar.jar(repo, module, version);
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        Map<String, ClassModel> classes = new HashMap<>();
        zip.stream().filter(e -> e.getName().endsWith(".class")).forEach(e -> classes.put(
            e.getName().substring(0, e.getName().length() - ".class".length()), parse(zip, e)));
        Deque<String> todo = new ArrayDeque<>();
        classes.keySet().stream().filter(n -> n.startsWith("com/capexalerts/") || SERVICE_INTERNAL.matcher(n).matches())
            .forEach(todo::add);
        Set<String> seen = new HashSet<>(todo);
        Set<String> missing = new TreeSet<>();
        int reached = 0;
        while (!todo.isEmpty()) {
          ClassModel model = classes.get(todo.pop());
          for (String ref : references(model)) {
            if (SERVICE_CODE.matcher(ref).matches() && seen.add(ref)) {
              reached++;
              if (classes.containsKey(ref)) {
                todo.add(ref);
              } else {
                missing.add(ref);
              }
            }
          }
        }
        assertTrue(reached > 20, module + ": the walk reached only " + reached + " service classes");
        assertEquals(Set.of(), missing, module + ": model classes the code reaches are not in " + jar.getFileName()
            + "; add them to the software.amazon.awssdk filters of the parent pom");
      }
    }
  }

  private static ClassModel parse(ZipFile zip, ZipEntry entry) {
    try (var in = zip.getInputStream(entry)) {
      return ClassFile.of().parse(in.readAllBytes());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The classes a class file names: its constant pool's classes and the types in member descriptors. */
  private static Set<String> references(ClassModel model) {
    Set<String> out = new HashSet<>();
    for (PoolEntry e : model.constantPool()) {
      if (e instanceof ClassEntry c) {
        add(out, c.asSymbol());
      } else if (e instanceof MemberRefEntry m) {
        descriptor(out, m.nameAndType());
      } else if (e instanceof NameAndTypeEntry nt) {
        descriptor(out, nt);
      }
    }
    for (FieldModel f : model.fields()) {
      add(out, f.fieldTypeSymbol());
    }
    for (MethodModel m : model.methods()) {
      MethodTypeDesc type = m.methodTypeSymbol();
      add(out, type.returnType());
      type.parameterList().forEach(p -> add(out, p));
    }
    return out;
  }

  private static void descriptor(Set<String> out, NameAndTypeEntry nt) {
    String d = nt.type().stringValue();
    if (d.startsWith("(")) {
      MethodTypeDesc type = MethodTypeDesc.ofDescriptor(d);
      add(out, type.returnType());
      type.parameterList().forEach(p -> add(out, p));
    } else {
      add(out, ClassDesc.ofDescriptor(d));
    }
  }

  private static void add(Set<String> out, ClassDesc desc) {
    ClassDesc c = desc;
    while (c.isArray()) {
      c = c.componentType();
    }
    if (c.isClassOrInterface()) {
      out.add(c.descriptorString().substring(1, c.descriptorString().length() - 1));
    }
  }
}
