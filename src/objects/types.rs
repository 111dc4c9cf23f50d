//! The builtin types of one interpreter: `object`, `int`, `str`, ..., and the
//! exception hierarchy. Every interpreter builds its own (objects never cross
//! interpreters); methods are installed by `builtins::install`.

use super::{Gc, Layout, PyDict, PyType};

macro_rules! registry {
    (
        root $object:ident;
        plain { $($field:ident = $name:literal < $base:ident),* $(,)? }
        exceptions { $($efield:ident = $ename:literal < $ebase:ident),* $(,)? }
    ) => {
        /// One field per builtin type; exception classes are also listed in
        /// `exceptions` (name, class) so they can be put into `builtins`.
        pub struct TypeRegistry {
            pub $object: Gc<PyType>,
            $(pub $field: Gc<PyType>,)*
            $(pub $efield: Gc<PyType>,)*
        }

        impl TypeRegistry {
            pub fn new() -> TypeRegistry {
                let $object = new_type("object", &[], Layout::Object, true);
                $(let $field = new_type($name, &[$base.clone()], Layout::Builtin, true);)*
                $(let $efield = new_type($ename, &[$ebase.clone()], Layout::Exception, true);)*
                TypeRegistry { $object, $($field,)* $($efield,)* }
            }

            /// Every exception class with its Python name.
            pub fn exceptions(&self) -> Vec<(&'static str, Gc<PyType>)> {
                vec![$(($ename, self.$efield.clone()),)*]
            }

            /// Every builtin type with its Python name (exceptions excluded).
            pub fn plain_types(&self) -> Vec<(&'static str, Gc<PyType>)> {
                vec![("object", self.$object.clone()), $(($name, self.$field.clone()),)*]
            }
        }
    };
}

registry! {
    root object;
    plain {
        type_ = "type" < object,
        none_type = "NoneType" < object,
        not_implemented_type = "NotImplementedType" < object,
        ellipsis_type = "ellipsis" < object,
        int = "int" < object,
        bool_ = "bool" < int,
        float = "float" < object,
        str = "str" < object,
        bytes = "bytes" < object,
        tuple = "tuple" < object,
        list = "list" < object,
        dict = "dict" < object,
        set = "set" < object,
        frozenset = "frozenset" < object,
        range = "range" < object,
        slice = "slice" < object,
        function = "function" < object,
        builtin_function = "builtin_function_or_method" < object,
        method = "method" < object,
        module = "module" < object,
        cell = "cell" < object,
        code = "code" < object,
        generator = "generator" < object,
        iterator = "iterator" < object,
        property = "property" < object,
        staticmethod = "staticmethod" < object,
        classmethod = "classmethod" < object,
        super_ = "super" < object,
        dict_keys = "dict_keys" < object,
        dict_values = "dict_values" < object,
        dict_items = "dict_items" < object,
        text_io = "TextIOWrapper" < object,
        buffered_reader = "BufferedReader" < object,
        buffered_writer = "BufferedWriter" < object,
        struct_time = "struct_time" < object,
        map_ = "map" < object,
        filter_ = "filter" < object,
        zip_ = "zip" < object,
        enumerate_ = "enumerate" < object,
        reversed_ = "reversed" < object,
        list_iterator = "list_iterator" < object,
        list_reverseiterator = "list_reverseiterator" < object,
        tuple_iterator = "tuple_iterator" < object,
        str_iterator = "str_ascii_iterator" < object,
        bytes_iterator = "bytes_iterator" < object,
        range_iterator = "range_iterator" < object,
        set_iterator = "set_iterator" < object,
        dict_keyiterator = "dict_keyiterator" < object,
        dict_valueiterator = "dict_valueiterator" < object,
        dict_itemiterator = "dict_itemiterator" < object,
        callable_iterator = "callable_iterator" < object,
        stat_result = "stat_result" < object,
    }
    exceptions {
        base_exception = "BaseException" < object,
        exception = "Exception" < base_exception,
        system_exit = "SystemExit" < base_exception,
        keyboard_interrupt = "KeyboardInterrupt" < base_exception,
        generator_exit = "GeneratorExit" < base_exception,
        stop_iteration = "StopIteration" < exception,
        arithmetic_error = "ArithmeticError" < exception,
        zero_division_error = "ZeroDivisionError" < arithmetic_error,
        overflow_error = "OverflowError" < arithmetic_error,
        assertion_error = "AssertionError" < exception,
        attribute_error = "AttributeError" < exception,
        buffer_error = "BufferError" < exception,
        eof_error = "EOFError" < exception,
        import_error = "ImportError" < exception,
        module_not_found_error = "ModuleNotFoundError" < import_error,
        lookup_error = "LookupError" < exception,
        index_error = "IndexError" < lookup_error,
        key_error = "KeyError" < lookup_error,
        memory_error = "MemoryError" < exception,
        name_error = "NameError" < exception,
        unbound_local_error = "UnboundLocalError" < name_error,
        os_error = "OSError" < exception,
        blocking_io_error = "BlockingIOError" < os_error,
        child_process_error = "ChildProcessError" < os_error,
        connection_error = "ConnectionError" < os_error,
        broken_pipe_error = "BrokenPipeError" < connection_error,
        connection_aborted_error = "ConnectionAbortedError" < connection_error,
        connection_refused_error = "ConnectionRefusedError" < connection_error,
        connection_reset_error = "ConnectionResetError" < connection_error,
        file_exists_error = "FileExistsError" < os_error,
        file_not_found_error = "FileNotFoundError" < os_error,
        interrupted_error = "InterruptedError" < os_error,
        is_a_directory_error = "IsADirectoryError" < os_error,
        not_a_directory_error = "NotADirectoryError" < os_error,
        permission_error = "PermissionError" < os_error,
        process_lookup_error = "ProcessLookupError" < os_error,
        timeout_error = "TimeoutError" < os_error,
        unsupported_operation = "UnsupportedOperation" < os_error,
        reference_error = "ReferenceError" < exception,
        runtime_error = "RuntimeError" < exception,
        not_implemented_error = "NotImplementedError" < runtime_error,
        recursion_error = "RecursionError" < runtime_error,
        syntax_error = "SyntaxError" < exception,
        indentation_error = "IndentationError" < syntax_error,
        tab_error = "TabError" < indentation_error,
        system_error = "SystemError" < exception,
        type_error = "TypeError" < exception,
        value_error = "ValueError" < exception,
        unicode_error = "UnicodeError" < value_error,
        unicode_decode_error = "UnicodeDecodeError" < unicode_error,
        unicode_encode_error = "UnicodeEncodeError" < unicode_error,
        warning = "Warning" < exception,
        user_warning = "UserWarning" < warning,
        deprecation_warning = "DeprecationWarning" < warning,
        runtime_warning = "RuntimeWarning" < warning,
    }
}

impl Default for TypeRegistry {
    fn default() -> Self {
        TypeRegistry::new()
    }
}

/// A builtin type with single inheritance (its MRO is its base's plus the base).
pub fn new_type(name: &str, bases: &[Gc<PyType>], layout: Layout, builtin: bool) -> Gc<PyType> {
    let mut mro = Vec::new();
    for base in bases.iter().take(1) {
        mro.push(base.clone());
        mro.extend(base.mro.iter().cloned());
    }
    Gc::new(PyType {
        name: name.to_string(),
        qualname: name.to_string(),
        bases: bases.to_vec(),
        mro,
        dict: Gc::new(PyDict::new()),
        layout,
        builtin,
        instance_keys: Default::default(),
    })
}
