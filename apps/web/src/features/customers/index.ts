export { CustomersPage } from './list/CustomersPage';
export { CustomerPage } from './karte/CustomerPage';
