//! `dict.keys()`, `dict.values()`, `dict.items()`: live views of a dict,
//! as native objects of the classes `dict_keys`, `dict_values`, `dict_items`.

use super::iter::TableIterKind;
use super::{Gc, NativeObject, PyDict, Value};
use crate::vm::ThreadState;

pub struct DictView {
    pub dict: Gc<PyDict>,
    pub kind: TableIterKind,
}

pub fn new_view(ts: &ThreadState, dict: Gc<PyDict>, kind: TableIterKind) -> Value {
    let t = ts.types();
    let class = match kind {
        TableIterKind::Keys => t.dict_keys.clone(),
        TableIterKind::Values => t.dict_values.clone(),
        TableIterKind::Items => t.dict_items.clone(),
    };
    let data = Box::new(DictView { dict, kind });
    Value::Native(Gc::new(NativeObject { class, data, dict: None }))
}

/// The view inside `v`, if `v` is one.
pub fn as_view(v: &Value) -> Option<&DictView> {
    match v {
        Value::Native(n) => n.downcast::<DictView>(),
        _ => None,
    }
}
