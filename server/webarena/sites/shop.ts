/**
 * "One Stop Demo Market": a small shop for the demo tasks (the role of WebArena's Magento store and
 * its admin). Catalogue, categories, search, product pages, cart, checkout, order history, and an
 * admin under /admin (orders with their status, stock, prices). State is per episode session.
 */
import { esc, NotFound, page, type Route } from './http-kit.ts';

interface Product {
  sku: string;
  name: string;
  category: string;
  price: number;
  stock: number;
}

interface Order {
  id: number;
  status: 'pending' | 'shipped' | 'delivered';
  lines: { sku: string; qty: number }[];
}

export interface ShopState {
  products: Product[];
  cart: Map<string, number>;
  orders: Order[];
}

const PRODUCTS: Product[] = [
  { sku: 'ceramic-mug', name: 'Ceramic Mug', category: 'kitchen', price: 12.5, stock: 40 },
  { sku: 'bamboo-spoon-set', name: 'Bamboo Spoon Set', category: 'kitchen', price: 8.75, stock: 25 },
  { sku: 'cast-iron-pan', name: 'Cast Iron Pan', category: 'kitchen', price: 39.0, stock: 7 },
  { sku: 'desk-lamp', name: 'Desk Lamp', category: 'home', price: 29.99, stock: 12 },
  { sku: 'wool-blanket', name: 'Wool Blanket', category: 'home', price: 64.0, stock: 3 },
  { sku: 'trail-runner-backpack', name: 'Trail Runner Backpack', category: 'outdoor', price: 49.99, stock: 15 },
  { sku: 'camping-lantern', name: 'Camping Lantern', category: 'outdoor', price: 22.4, stock: 9 },
];

export function freshShop(): ShopState {
  return {
    products: PRODUCTS.map((p) => ({ ...p })),
    cart: new Map(),
    orders: [
      { id: 1001, status: 'delivered', lines: [{ sku: 'wool-blanket', qty: 1 }] },
      { id: 1002, status: 'shipped', lines: [{ sku: 'ceramic-mug', qty: 2 }, { sku: 'desk-lamp', qty: 1 }] },
      { id: 1003, status: 'pending', lines: [{ sku: 'camping-lantern', qty: 3 }] },
    ],
  };
}

const money = (n: number) => `$${n.toFixed(2)}`;
const NAV: [string, string][] = [['/', 'One Stop Demo Market'], ['/cart', 'My Cart'], ['/orders', 'My Orders']];
const ADMIN_NAV: [string, string][] = [['/admin', 'Dashboard'], ['/admin/orders', 'Orders'], ['/admin/products', 'Products']];

function product(s: ShopState, sku: string): Product {
  const p = s.products.find((x) => x.sku === sku);
  if (!p) throw new NotFound();
  return p;
}

function order(s: ShopState, id: string): Order {
  const o = s.orders.find((x) => String(x.id) === id);
  if (!o) throw new NotFound();
  return o;
}

const total = (s: ShopState, o: Order) => o.lines.reduce((sum, l) => sum + product(s, l.sku).price * l.qty, 0);
const lineText = (s: ShopState, l: { sku: string; qty: number }) => `${product(s, l.sku).name} × ${l.qty}`;
const list = (ps: Product[]) =>
  `<ul>${ps.map((p) => `<li><a href="/product/${p.sku}">${esc(p.name)}</a> ${money(p.price)}</li>`).join('')}</ul>`;
const categories = (s: ShopState) => [...new Set(s.products.map((p) => p.category))];

export const shopRoutes: Route<ShopState>[] = [
  {
    method: 'GET',
    path: '/',
    handle: ({ state }) =>
      page('One Stop Demo Market', NAV, `<h1>Catalogue</h1>
<form action="/search" method="get"><input name="q" aria-label="Search products"> <button>Search</button></form>
<p>Categories: ${categories(state).map((c) => `<a href="/category/${c}">${esc(c[0].toUpperCase() + c.slice(1))}</a>`).join(' ')}</p>
${list(state.products)}`),
  },
  {
    method: 'GET',
    path: '/category/:name',
    handle: ({ state, params }) => {
      const ps = state.products.filter((p) => p.category === params.name);
      if (!ps.length) throw new NotFound();
      return page(`Category ${params.name}`, NAV, `<h1>Category: ${esc(params.name)}</h1><p>${ps.length} products</p>${list(ps)}`);
    },
  },
  {
    method: 'GET',
    path: '/search',
    handle: ({ state, query }) => {
      const q = (query.get('q') ?? '').trim().toLowerCase();
      const ps = state.products.filter((p) => q !== '' && p.name.toLowerCase().includes(q));
      return page(`Search results for '${q}'`, NAV, `<h1>Search results for '${esc(q)}'</h1><p>${ps.length} found</p>${list(ps)}`);
    },
  },
  {
    method: 'GET',
    path: '/product/:sku',
    handle: ({ state, params }) => {
      const p = product(state, params.sku);
      return page(p.name, NAV, `<h1>${esc(p.name)}</h1><p>Price: ${money(p.price)}</p><p>Category: ${esc(p.category)}</p>
<form action="/cart/add" method="post"><input type="hidden" name="sku" value="${esc(p.sku)}">
<input name="qty" aria-label="Quantity" placeholder="1" size="3"> <button>Add to cart</button></form>`);
    },
  },
  {
    method: 'POST',
    path: '/cart/add',
    handle: ({ state, form }) => {
      const p = product(state, form.get('sku') ?? '');
      const qty = form.get('qty')?.trim() ? Number(form.get('qty')) : 1;
      if (!Number.isInteger(qty) || qty < 1 || qty > 99) throw new Error('quantity must be a whole number from 1 to 99');
      state.cart.set(p.sku, (state.cart.get(p.sku) ?? 0) + qty);
      return { redirect: '/cart' };
    },
  },
  {
    method: 'GET',
    path: '/cart',
    handle: ({ state }) => {
      const lines = [...state.cart].map(([sku, qty]) => ({ sku, qty }));
      const body = lines.length
        ? `<ul id="cart-items">${lines.map((l) => `<li>${esc(lineText(state, l))}</li>`).join('')}</ul>
<form action="/checkout" method="post"><button>Place order</button></form>`
        : '<p id="cart-items">Your cart is empty.</p>';
      return page('My Cart', NAV, `<h1>My Cart</h1>${body}`);
    },
  },
  {
    method: 'POST',
    path: '/checkout',
    handle: ({ state }) => {
      if (state.cart.size === 0) throw new Error('the cart is empty');
      const id = Math.max(...state.orders.map((o) => o.id)) + 1;
      state.orders.push({ id, status: 'pending', lines: [...state.cart].map(([sku, qty]) => ({ sku, qty })) });
      state.cart.clear();
      return { redirect: '/orders' };
    },
  },
  {
    method: 'GET',
    path: '/orders',
    handle: ({ state }) =>
      page('My Orders', NAV, `<h1>My Orders</h1><table id="orders"><tr><th>Order</th><th>Items</th><th>Status</th></tr>${[...state.orders]
        .reverse()
        .map((o) => `<tr class="order-row"><td><a href="/order/${o.id}">#${o.id}</a></td><td>${esc(o.lines.map((l) => lineText(state, l)).join(', '))}</td><td>${o.status}</td></tr>`)
        .join('')}</table>`),
  },
  {
    method: 'GET',
    path: '/order/:id',
    handle: ({ state, params }) => {
      const o = order(state, params.id);
      return page(`Order #${o.id}`, NAV, `<h1>Order #${o.id}</h1><p>Status: ${o.status}</p>
<ul>${o.lines.map((l) => `<li>${esc(lineText(state, l))}</li>`).join('')}</ul><p>Total: ${money(total(state, o))}</p>`);
    },
  },
  {
    method: 'GET',
    path: '/admin',
    handle: ({ state }) =>
      page('Dashboard / Demo Admin', ADMIN_NAV, `<h1>Dashboard</h1><p>Orders: ${state.orders.length}</p>
<p>Pending orders: ${state.orders.filter((o) => o.status === 'pending').length}</p><p>Products: ${state.products.length}</p>`),
  },
  {
    method: 'GET',
    path: '/admin/orders',
    handle: ({ state }) =>
      page('Orders / Demo Admin', ADMIN_NAV, `<h1>Orders</h1><table><tr><th>Order</th><th>Status</th><th>Total</th></tr>${state.orders
        .map((o) => `<tr><td><a href="/admin/order/${o.id}">#${o.id}</a></td><td>${o.status}</td><td>${money(total(state, o))}</td></tr>`)
        .join('')}</table>`),
  },
  {
    method: 'GET',
    path: '/admin/order/:id',
    handle: ({ state, params }) => {
      const o = order(state, params.id);
      const ship = o.status === 'pending' ? `<form action="/admin/order/${o.id}/ship" method="post"><button>Mark as shipped</button></form>` : '';
      return page(`Order #${o.id} / Demo Admin`, ADMIN_NAV, `<h1>Order #${o.id}</h1><p>Status: <span id="status">${o.status}</span></p>${ship}`);
    },
  },
  {
    method: 'POST',
    path: '/admin/order/:id/ship',
    handle: ({ state, params }) => {
      const o = order(state, params.id);
      if (o.status === 'pending') o.status = 'shipped';
      return { redirect: `/admin/order/${o.id}` };
    },
  },
  {
    method: 'GET',
    path: '/admin/products',
    handle: ({ state }) =>
      page('Products / Demo Admin', ADMIN_NAV, `<h1>Products</h1><table><tr><th>Product</th><th>Price</th><th>Stock</th></tr>${state.products
        .map((p) => `<tr><td><a href="/admin/product/${p.sku}">${esc(p.name)}</a></td><td>${money(p.price)}</td><td>${p.stock}</td></tr>`)
        .join('')}</table>`),
  },
  {
    method: 'GET',
    path: '/admin/product/:sku',
    handle: ({ state, params }) => {
      const p = product(state, params.sku);
      return page(`${p.name} / Demo Admin`, ADMIN_NAV, `<h1>Edit ${esc(p.name)}</h1><form action="/admin/product/${p.sku}" method="post">
<label for="price">Price</label> <input id="price" name="price" value="${p.price.toFixed(2)}"> <button>Save</button></form>`);
    },
  },
  {
    method: 'POST',
    path: '/admin/product/:sku',
    handle: ({ state, params, form }) => {
      const p = product(state, params.sku);
      const price = Number(form.get('price'));
      if (!Number.isFinite(price) || price <= 0 || price > 100_000) throw new Error('price must be a positive number');
      p.price = Math.round(price * 100) / 100;
      return { redirect: `/admin/product/${p.sku}` };
    },
  },
];
